package com.medicarewizard.adapter.embedded.table;

import com.medicarewizard.table.Key;
import com.medicarewizard.table.SortRange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KilledProcessTest {

    @TempDir
    Path directory;

    @Test
    void everyAcknowledgedWriteSurvivesKillMinusNine() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                TableWriterProcess.class.getName(), directory.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        long acknowledged = 0;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged < 3000 && (line = out.readLine()) != null) {
                acknowledged = Long.parseLong(line.trim());
            }
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).isEqualTo(3000);

        try (EmbeddedTable table = EmbeddedTable.open(directory, List.of())) {
            long committed = table.query("item", SortRange.all(), Integer.MAX_VALUE, true).size();
            assertThat(committed).isGreaterThanOrEqualTo(acknowledged);
            assertThat(table.query("twin", SortRange.all(), Integer.MAX_VALUE, true)).hasSize((int) committed);
            for (long i = 1; i <= acknowledged; i++) {
                assertThat(table.get(new Key("item", Long.toString(i)))).isPresent();
            }
            assertThat(table.stream().latestSequence()).isEqualTo(2 * committed);
        }
    }
}
