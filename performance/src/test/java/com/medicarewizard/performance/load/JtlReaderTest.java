package com.medicarewizard.performance.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JtlReaderTest {
    @TempDir
    Path dir;

    @Test
    void findsColumnsByHeaderNameAndLeavesSetupSamplesOut() throws IOException, ReportInputException {
        Path jtl = Files.writeString(dir.resolve("results.jtl"), """
                label,responseMessage,success,elapsed,timeStamp
                "6 book an exam, rejected (end to end)","Conflict, slot taken",false,812,1700000000000
                setup log in,OK,true,90,1699999999000
                1 home,OK,true,4,1700000000100
                """);

        assertThat(JtlReader.read(jtl)).containsExactly(
                new Sample(1_700_000_000_000L, 812, "6 book an exam, rejected (end to end)", false),
                new Sample(1_700_000_000_100L, 4, "1 home", true));
    }

    @Test
    void refusesAFileWithoutAnElapsedColumn() throws IOException {
        Path jtl = Files.writeString(dir.resolve("results.jtl"), "timeStamp,label,success\n1,1 home,true\n");

        assertThatThrownBy(() -> JtlReader.read(jtl)).isInstanceOf(ReportInputException.class).hasMessageContaining("elapsed");
    }

    @Test
    void refusesAMalformedNumber() throws IOException {
        Path jtl = Files.writeString(dir.resolve("results.jtl"), "timeStamp,elapsed,label,success\n1,fast,1 home,true\n");

        assertThatThrownBy(() -> JtlReader.read(jtl)).isInstanceOf(ReportInputException.class).hasMessageContaining("elapsed");
    }
}
