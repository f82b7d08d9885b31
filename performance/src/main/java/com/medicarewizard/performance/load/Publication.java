package com.medicarewizard.performance.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Puts the report into a document (e.g. {@code docs/performance.md}) between the lines
 * {@value #BEGIN} and {@value #END}, appending both at the end when the document has none, and
 * copies the charts next to it.
 */
final class Publication {
    static final String BEGIN = "<!-- load-test:begin -->";
    static final String END = "<!-- load-test:end -->";

    private Publication() {
    }

    /** Copies {@code charts} from {@code from} to {@code chartsDir} and writes the report into {@code document}. */
    static void publish(Report report, Path from, List<String> charts, Path document, Path chartsDir) throws IOException {
        Files.createDirectories(chartsDir);
        for (String chart : charts) {
            Files.copy(from.resolve(chart), chartsDir.resolve(chart), StandardCopyOption.REPLACE_EXISTING);
        }
        String text = ReportWriter.write(report, linkPrefix(document, chartsDir));
        String old = Files.isRegularFile(document) ? Files.readString(document, StandardCharsets.UTF_8) : "";
        Files.writeString(document, replaceBetweenMarkers(old, text), StandardCharsets.UTF_8);
    }

    /** The charts directory as seen from the document's directory, ending in a slash. */
    static String linkPrefix(Path document, Path chartsDir) {
        Path base = document.toAbsolutePath().normalize().getParent();
        String relative = base.relativize(chartsDir.toAbsolutePath().normalize()).toString().replace('\\', '/');
        return relative.isEmpty() ? "" : relative + "/";
    }

    /** {@code document} with the text between the marker lines replaced by {@code report}. */
    static String replaceBetweenMarkers(String document, String report) {
        String body = BEGIN + "\n" + (report.endsWith("\n") ? report : report + "\n") + END;
        int begin = document.indexOf(BEGIN);
        int end = begin < 0 ? -1 : document.indexOf(END, begin);
        if (end < 0) {
            String separator = document.isEmpty() || document.endsWith("\n\n") ? "" : document.endsWith("\n") ? "\n" : "\n\n";
            return document + separator + body + "\n";
        }
        return document.substring(0, begin) + body + document.substring(end + END.length());
    }
}
