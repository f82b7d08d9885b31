package com.medicarewizard.adapter.embedded.table;

import com.medicarewizard.table.Condition;

import static com.medicarewizard.adapter.embedded.table.Tables.item;
import static com.medicarewizard.adapter.embedded.table.Tables.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each journal line carries a checksum; only a torn final line (no newline) may be dropped on
 * open, anything else unreadable refuses the start, naming the file, the line and the repair.
 */
class JournalIntegrityTest {

    @TempDir
    Path directory;

    @Test
    void aChangedValueInAnEarlierLineRefusesTheStartNamingFileLineAndRepair() throws Exception {
        changeAValueInTheSecondLine();

        assertThatThrownBy(() -> EmbeddedTable.open(directory, Tables.INDEXES))
                .isInstanceOf(CorruptJournalException.class)
                .hasMessageContaining(journal().toString())
                .hasMessageContaining("line 2")
                .hasMessageContaining("checksum")
                .hasMessageContaining("java -cp medicarewizard-local.jar " + JournalRepair.class.getName());
    }

    @Test
    void anUnreadableFinalLineWithItsNewlineIsNotDroppedSilently() throws Exception {
        writeThree();
        List<String> lines = journalLines();
        lines.set(2, lines.get(2).substring(0, 25));
        Files.write(journal(), lines);

        assertThatThrownBy(() -> EmbeddedTable.open(directory, Tables.INDEXES))
                .isInstanceOf(CorruptJournalException.class).hasMessageContaining("line 3");
        assertThat(journalLines()).hasSize(3);
    }

    @Test
    void aTornFinalLineWithoutNewlineIsDropped() throws Exception {
        writeThree();
        byte[] bytes = Files.readAllBytes(journal());
        Files.write(journal(), java.util.Arrays.copyOf(bytes, bytes.length - 5));

        try (EmbeddedTable table = Tables.open(directory)) {
            assertThat(table.get(key("a", "2"))).isPresent();
            assertThat(table.get(key("a", "3"))).isEmpty();
        }
        assertThat(journalLines()).hasSize(2);
    }

    @Test
    void aJournalWrittenBeforeChecksumsStillOpensAndGoesOnWithThem() throws Exception {
        writeThree();
        List<String> legacy = journalLines().stream().map(line -> line.substring(0, line.lastIndexOf('\t'))).toList();
        Files.write(journal(), legacy);

        try (EmbeddedTable table = Tables.open(directory)) {
            assertThat(table.get(key("a", "3"))).isPresent();
            table.put(item("b", "1"), Condition.absent());
        }
        try (EmbeddedTable table = Tables.open(directory)) {
            assertThat(table.get(key("b", "1"))).isPresent();
            assertThat(table.stream().latestSequence()).isEqualTo(4);
        }
    }

    @Test
    void aLineWithoutChecksumAfterLinesWithOneIsDamage() throws Exception {
        writeThree();
        List<String> lines = journalLines();
        lines.set(1, lines.get(1).substring(0, lines.get(1).lastIndexOf('\t')));
        Files.write(journal(), lines);

        assertThatThrownBy(() -> EmbeddedTable.open(directory, Tables.INDEXES))
                .isInstanceOf(CorruptJournalException.class).hasMessageContaining("line 2");
    }

    @Test
    void repairKeepsTheGoodLinesAndMovesTheRestAside() throws Exception {
        List<String> lines = changeAValueInTheSecondLine();
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        Clock clock = Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC);

        assertThat(JournalRepair.repair(JournalRepair.tableDirectory(directory), clock,
                new PrintStream(report, true, StandardCharsets.UTF_8))).isZero();

        assertThat(report.toString(StandardCharsets.UTF_8)).contains("line 2", "kept the 1 lines");
        Path aside = directory.resolve(Journal.FILE + ".damaged-1700000000000");
        assertThat(Files.readAllLines(aside)).containsExactly(lines.get(1), lines.get(2));
        try (EmbeddedTable table = Tables.open(directory)) {
            assertThat(table.get(key("a", "1"))).isPresent();
            assertThat(table.get(key("a", "2"))).isEmpty();
            assertThat(table.stream().latestSequence()).isEqualTo(1);
        }
    }

    @Test
    void repairRefusesWhileTheTableIsOpen() throws Exception {
        try (EmbeddedTable table = Tables.open(directory)) {
            table.put(item("a", "1"), Condition.absent());
            assertThatThrownBy(() -> JournalRepair.repair(directory, Clock.systemUTC(), System.out))
                    .hasMessageContaining("stop the runtime first");
        }
    }

    /** Still valid JSON, so only the checksum can tell; answers the journal's lines as they are now. */
    private List<String> changeAValueInTheSecondLine() throws java.io.IOException {
        writeThree();
        List<String> lines = journalLines();
        lines.set(1, lines.get(1).replace("\"n\":2", "\"n\":7"));
        Files.write(journal(), lines);
        return lines;
    }

    private void writeThree() {
        try (EmbeddedTable table = Tables.open(directory)) {
            for (long n = 1; n <= 3; n++) {
                table.put(item("a", Long.toString(n)).with("n", n), Condition.absent());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path journal() {
        return directory.resolve(Journal.FILE);
    }

    private List<String> journalLines() throws java.io.IOException {
        return new ArrayList<>(Files.readAllLines(journal()));
    }
}
