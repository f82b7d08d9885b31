package com.medicarewizard.performance.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PublicationTest {

    @Test
    void replacesOnlyTheTextBetweenTheMarkers() {
        String document = "# Performance\nintro\n" + Publication.BEGIN + "\nold report\nmore\n" + Publication.END + "\ntail\n";

        assertThat(Publication.replaceBetweenMarkers(document, "new report\n"))
                .isEqualTo("# Performance\nintro\n" + Publication.BEGIN + "\nnew report\n" + Publication.END + "\ntail\n");
    }

    @Test
    void appendsTheMarkersWithTheReportWhenAbsent() {
        assertThat(Publication.replaceBetweenMarkers("# Performance\nintro\n", "report"))
                .isEqualTo("# Performance\nintro\n\n" + Publication.BEGIN + "\nreport\n" + Publication.END + "\n");
    }

    @Test
    void aSecondPublicationReplacesTheFirst() {
        String once = Publication.replaceBetweenMarkers("intro\n", "first\n");

        assertThat(Publication.replaceBetweenMarkers(once, "second\n")).doesNotContain("first").contains("second")
                .startsWith("intro\n");
    }

    @Test
    void linksChartsRelativeToTheDocument() {
        assertThat(Publication.linkPrefix(Path.of("/r/docs/performance.md"), Path.of("/r/docs/performance")))
                .isEqualTo("performance/");
        assertThat(Publication.linkPrefix(Path.of("/r/docs/performance.md"), Path.of("/r/images/load")))
                .isEqualTo("../images/load/");
    }
}
