package com.medicarewizard.adapter.embedded.table;

import com.medicarewizard.table.Update;
import com.medicarewizard.table.Item;
import com.medicarewizard.table.Condition;
import com.medicarewizard.table.Write;
import com.medicarewizard.table.SortRange;

import static com.medicarewizard.adapter.embedded.table.SecondaryIndexTest.owned;
import static com.medicarewizard.adapter.embedded.table.Tables.BY_OWNER;
import static com.medicarewizard.adapter.embedded.table.Tables.item;
import static com.medicarewizard.adapter.embedded.table.Tables.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurabilityTest {

    @TempDir
    Path directory;

    @Test
    void reopeningRestoresItemsIndexesStreamAndCheckpoints() throws Exception {
        List<StreamRecord> records;
        try (EmbeddedTable table = Tables.open(directory)) {
            writeSample(table);
            table.stream().checkpoint("notifier", 2);
            records = table.stream().read(0, 100);
        }

        try (EmbeddedTable table = Tables.open(directory)) {
            assertSample(table);
            assertThat(table.stream().read(0, 100)).isEqualTo(records);
            assertThat(table.stream().checkpoint("notifier")).isEqualTo(2);

            table.put(item("later", "1"), Condition.absent());
            assertThat(table.stream().latestSequence()).isEqualTo(records.size() + 1);
        }
    }

    @Test
    void syncOnCommitKeepsTheSameData() throws Exception {
        try (EmbeddedTable table = Tables.open(directory, TableOptions.defaults().withSyncOnCommit(true))) {
            writeSample(table);
        }
        try (EmbeddedTable table = Tables.open(directory)) {
            assertSample(table);
        }
    }

    @Test
    void tornLastLineIsIgnoredAndTruncated() throws Exception {
        try (EmbeddedTable table = Tables.open(directory)) {
            writeSample(table);
        }
        Path journal = directory.resolve(Journal.FILE);
        long intact = Files.size(journal);
        Files.write(journal, "{\"type\":\"commit\",\"time\":\"2025-".getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);

        try (EmbeddedTable table = Tables.open(directory)) {
            assertSample(table);
            assertThat(Files.size(journal)).isEqualTo(intact);
            table.put(item("after", "1"), Condition.absent());
        }
        try (EmbeddedTable table = Tables.open(directory)) {
            assertThat(table.get(key("after", "1"))).isPresent();
        }
    }

    @Test
    void commitCutShortByACrashIsLostWhole() throws Exception {
        try (EmbeddedTable table = Tables.open(directory)) {
            table.put(item("a", "1"), Condition.absent());
            table.transact(List.of(Write.put(item("b", "1"), Condition.absent()),
                    Write.put(item("c", "1"), Condition.absent())));
        }
        Path journal = directory.resolve(Journal.FILE);
        try (var channel = java.nio.channels.FileChannel.open(journal, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - 10);
        }

        try (EmbeddedTable table = Tables.open(directory)) {
            assertThat(table.get(key("a", "1"))).isPresent();
            assertThat(table.get(key("b", "1"))).isEmpty();
            assertThat(table.get(key("c", "1"))).isEmpty();
            assertThat(table.stream().latestSequence()).isEqualTo(1);
        }
    }

    @Test
    void unreadableLineFollowedByCommitsFailsTheOpen() throws Exception {
        try (EmbeddedTable table = Tables.open(directory)) {
            table.put(item("a", "1"), Condition.absent());
        }
        Path journal = directory.resolve(Journal.FILE);
        List<String> lines = Files.readAllLines(journal);
        Files.write(journal, List.of(lines.getFirst().substring(0, 20), lines.getFirst()));

        assertThatThrownBy(() -> EmbeddedTable.open(directory, Tables.INDEXES))
                .isInstanceOf(CorruptJournalException.class).hasMessageContaining("line 1");
    }

    @Test
    void secondOpenOfTheSameDirectoryIsRefused() throws Exception {
        try (EmbeddedTable table = Tables.open(directory)) {
            assertThatThrownBy(() -> EmbeddedTable.open(directory, Tables.INDEXES))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void journalHoldsOneLinePerCommit() throws Exception {
        try (EmbeddedTable table = Tables.open(directory)) {
            table.put(item("a", "1").with("n", 1L), Condition.absent());
            table.transact(List.of(Write.put(item("b", "1"), Condition.absent()),
                    Write.update(key("a", "1"), Update.set("n", 2L), Condition.present())));
            table.put(item("b", "1"), Condition.present());
        }
        List<String> lines = Files.readAllLines(directory.resolve(Journal.FILE));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains("\"type\":\"commit\"", "\"seq\":2", "\"seq\":3",
                "\"old\":{\"pk\":\"a\",\"sk\":\"1\",\"n\":1}", "\"new\":{\"pk\":\"a\",\"sk\":\"1\",\"n\":2}");
    }

    static void writeSample(EmbeddedTable table) {
        table.put(owned("r", "1", "ann", "09:00").with("n", 1L).with("ok", true)
                .with("tags", List.of("x", "y")), Condition.absent());
        table.put(owned("r", "2", "ann", "10:00"), Condition.absent());
        table.update(key("r", "2"), Update.set("when", "08:00"), Condition.present());
        table.put(item("gone", "1"), Condition.absent());
        table.delete(key("gone", "1"), Condition.present());
        table.transact(List.of(Write.put(item("t", "1"), Condition.absent()),
                Write.put(owned("t", "2", "bob", "12:00"), Condition.absent())));
    }

    static void assertSample(EmbeddedTable table) {
        assertThat(table.size()).isEqualTo(4);
        assertSampleItems(table);
        assertThat(table.stream().latestSequence()).isEqualTo(7);
    }

    /** The sample's items and indexes, whatever was written besides. */
    static void assertSampleItems(EmbeddedTable table) {
        assertThat(table.get(key("r", "1"))).contains(owned("r", "1", "ann", "09:00").with("n", 1L)
                .with("ok", true).with("tags", List.of("x", "y")));
        assertThat(table.get(key("gone", "1"))).isEmpty();
        assertThat(table.query("t", SortRange.all(), 10, true)).hasSize(2);
        assertThat(table.queryIndex(BY_OWNER, "ann", SortRange.all(), 10, true))
                .extracting(Item::key).containsExactly(key("r", "2"), key("r", "1"));
        assertThat(table.queryIndex(BY_OWNER, "bob", SortRange.all(), 10, true)).hasSize(1);
    }
}
