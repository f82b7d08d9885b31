package com.medicarewizard.adapter.embedded.table;

import com.medicarewizard.table.Condition;

import com.medicarewizard.domain.MutableClock;
import static com.medicarewizard.adapter.embedded.table.Tables.item;
import static com.medicarewizard.adapter.embedded.table.Tables.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompactionTest {

    private static final Instant START = Instant.parse("2025-03-01T08:00:00Z");

    @TempDir
    Path directory;
    private final MutableClock clock = new MutableClock(START);
    private final TableOptions compactOnOpen = TableOptions.defaults().withCompactionThresholdBytes(0).withClock(clock);
    /** As the local runtime keeps its stream: a record until the notifier has passed it. */
    private final TableOptions untilRead = compactOnOpen.withStreamRetention(Duration.ZERO)
            .withStreamConsumers(Set.of("notifier"));

    @Test
    void compactionOnOpenKeepsItemsIndexesStreamAndEmptiesTheJournal() throws Exception {
        List<StreamRecord> records;
        try (EmbeddedTable table = Tables.open(directory, compactOnOpen)) {
            DurabilityTest.writeSample(table);
            records = table.stream().read(0, 100);
        }
        try (EmbeddedTable table = Tables.open(directory, compactOnOpen)) {
            assertThat(Files.size(directory.resolve(Journal.FILE))).isZero();
            assertThat(directory.resolve(Snapshot.FILE)).exists();
            DurabilityTest.assertSample(table);
            assertThat(table.stream().read(0, 100)).isEqualTo(records);
            table.put(item("later", "1"), Condition.absent());
        }
        try (EmbeddedTable table = Tables.open(directory)) {
            assertThat(table.get(key("later", "1"))).isPresent();
            assertThat(table.stream().latestSequence()).isEqualTo(records.size() + 1);
        }
    }

    @Test
    void doesNotCompactASmallJournal() throws Exception {
        try (EmbeddedTable table = Tables.open(directory, TableOptions.defaults())) {
            table.put(item("a", "1"), Condition.absent());
        }
        try (EmbeddedTable table = Tables.open(directory, TableOptions.defaults())) {
            assertThat(directory.resolve(Snapshot.FILE)).doesNotExist();
            assertThat(table.size()).isEqualTo(1);
        }
    }

    @Test
    void dropsRecordsOlderThanRetentionButNoneAfterTheLowestCheckpoint() throws Exception {
        try (EmbeddedTable table = Tables.open(directory, compactOnOpen)) {
            for (int i = 1; i <= 10; i++) {
                table.put(item("p", "s" + i), Condition.absent());
            }
            table.stream().checkpoint("notifier", 4);
            table.stream().checkpoint("audit", 6);
            clock.advance(Duration.ofHours(23));
            table.put(item("p", "young"), Condition.absent());
            clock.advance(Duration.ofHours(2));
            table.put(item("p", "new"), Condition.absent());
        }
        try (EmbeddedTable table = Tables.open(directory, compactOnOpen)) {
            assertThat(sequences(table)).containsExactly(5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
            assertThat(table.stream().checkpoint("notifier")).isEqualTo(4);
            assertThat(table.size()).isEqualTo(12);
            table.stream().checkpoint("notifier", 12);
            table.stream().checkpoint("audit", 12);
        }
        try (EmbeddedTable table = Tables.open(directory, compactOnOpen)) {
            assertThat(sequences(table)).containsExactly(11L, 12L);
            assertThat(table.stream().oldestRetainedSequence()).hasValue(11);
            table.put(item("p", "next"), Condition.absent());
            assertThat(table.stream().latestSequence()).isEqualTo(13);
        }
    }

    @Test
    void withoutRetentionARecordLeavesAsTheLastConsumerPassesItAndANamedConsumerKeepsItsOwn() throws Exception {
        try (EmbeddedTable table = Tables.open(directory, untilRead)) {
            for (int i = 1; i <= 5; i++) {
                table.put(item("p", "s" + i), Condition.absent());
            }
            // the notifier has no checkpoint yet: it keeps every record, whoever else has read them
            table.stream().checkpoint("audit", 5);
            assertThat(sequences(table)).containsExactly(1L, 2L, 3L, 4L, 5L);
            table.stream().checkpoint("notifier", 3);
            assertThat(sequences(table)).containsExactly(4L, 5L);
            assertThat(table.stream().read(3, 10)).extracting(StreamRecord::sequenceNumber).containsExactly(4L, 5L);
        }
        try (EmbeddedTable table = Tables.open(directory, untilRead)) {
            assertThat(sequences(table)).containsExactly(4L, 5L);
            assertThat(table.stream().checkpoint("notifier")).isEqualTo(3);
            table.stream().checkpoint("notifier", 5);
            assertThat(table.stream().oldestRetainedSequence()).isEmpty();
            assertThat(table.size()).isEqualTo(5);
        }
    }

    @Test
    void aNamedConsumerWithoutACheckpointKeepsEveryRecordThroughCompaction() throws Exception {
        try (EmbeddedTable table = Tables.open(directory, untilRead)) {
            table.put(item("p", "1"), Condition.absent());
            table.put(item("p", "2"), Condition.absent());
        }
        clock.advance(Duration.ofHours(25));
        try (EmbeddedTable table = Tables.open(directory, untilRead)) {
            assertThat(directory.resolve(Snapshot.FILE)).exists();
            assertThat(sequences(table)).containsExactly(1L, 2L);
        }
    }

    @Test
    void aCheckpointDropsNoRecordYoungerThanTheRetention() throws Exception {
        try (EmbeddedTable table = Tables.open(directory, compactOnOpen)) {
            table.put(item("p", "1"), Condition.absent());
            clock.advance(Duration.ofHours(25));
            table.put(item("p", "2"), Condition.absent());
            table.stream().checkpoint("notifier", 2);
            assertThat(sequences(table)).containsExactly(2L);
        }
    }

    @Test
    void withoutConsumersDropsEveryRecordOlderThanRetention() throws Exception {
        try (EmbeddedTable table = Tables.open(directory, compactOnOpen)) {
            table.put(item("p", "1"), Condition.absent());
            clock.advance(Duration.ofHours(25));
            table.put(item("p", "2"), Condition.absent());
        }
        try (EmbeddedTable table = Tables.open(directory, compactOnOpen)) {
            assertThat(sequences(table)).containsExactly(2L);
            assertThat(table.stream().read(0, 10)).hasSize(1);
        }
    }

    @Test
    void recoversFromACrashWhileWritingTheSnapshot() throws Exception {
        try (EmbeddedTable table = Tables.open(directory)) {
            DurabilityTest.writeSample(table);
        }
        Files.writeString(directory.resolve(Snapshot.TEMP), "{\"type\":\"snapshot\",\"format\":1,\"lat",
                StandardCharsets.UTF_8);

        try (EmbeddedTable table = Tables.open(directory)) {
            DurabilityTest.assertSample(table);
        }
        assertThat(directory.resolve(Snapshot.TEMP)).doesNotExist();
    }

    @Test
    void recoversFromACrashAfterTheSnapshotBeforeTheJournalWasEmptied() throws Exception {
        List<StreamRecord> records;
        try (EmbeddedTable table = Tables.open(directory, TableOptions.defaults().withClock(clock))) {
            DurabilityTest.writeSample(table);
            table.stream().checkpoint("notifier", 3);
            table.stream().checkpoint("notifier", 5);
            records = table.stream().read(0, 100);
        }
        Path journal = directory.resolve(Journal.FILE);
        Path oldJournal = directory.resolve("journal.before-compaction");
        Files.copy(journal, oldJournal);
        try (EmbeddedTable table = Tables.open(directory, compactOnOpen)) {
            assertThat(Files.size(journal)).isZero();
        }
        Files.move(oldJournal, journal, StandardCopyOption.REPLACE_EXISTING);

        try (EmbeddedTable table = Tables.open(directory, TableOptions.defaults().withClock(clock))) {
            DurabilityTest.assertSample(table);
            assertThat(table.stream().read(0, 100)).isEqualTo(records);
            assertThat(table.stream().checkpoint("notifier")).isEqualTo(5);
            table.put(item("later", "1"), Condition.absent());
            assertThat(table.stream().latestSequence()).isEqualTo(records.size() + 1);
        }
    }

    @Test
    void compactionAtRuntimeKeepsServing() throws Exception {
        try (EmbeddedTable table = Tables.open(directory, TableOptions.defaults().withClock(clock))) {
            DurabilityTest.writeSample(table);
            table.compact();
            table.put(item("later", "1"), Condition.absent());
        }
        try (EmbeddedTable table = Tables.open(directory)) {
            assertThat(table.get(key("later", "1"))).isPresent();
            assertThat(table.stream().read(0, 100)).hasSize(8);
        }
    }

    @Test
    void writesGoOnWhileTheSnapshotIsWrittenAndStayInTheJournalAfterIt() throws Exception {
        RecordingSync sync = new RecordingSync();
        // forces only for the snapshot, so that holding them holds the compaction and nothing else
        TableOptions options = TableOptions.defaults().withJournalSync(sync).withSyncOnCommit(false).withClock(clock);
        // threads of its own: the common pool may have one thread on two cores, which the held compaction takes
        try (EmbeddedTable table = Tables.open(directory, options);
             ExecutorService threads = Executors.newFixedThreadPool(2)) {
            DurabilityTest.writeSample(table);
            sync.hold();
            CompletableFuture<Void> compaction = CompletableFuture.runAsync(() -> {
                try {
                    table.compact();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, threads);
            await().atMost(Duration.ofSeconds(30)).until(sync::holding);

            CompletableFuture<Void> writes = CompletableFuture.runAsync(() -> {
                table.put(item("during", "1"), Condition.absent());
                table.stream().checkpoint("notifier", 8);
                table.put(item("during", "2"), Condition.absent());
            }, threads);
            writes.get(30, TimeUnit.SECONDS);
            assertThat(compaction).as("still writing its snapshot").isNotDone();

            sync.release();
            compaction.get(30, TimeUnit.SECONDS);
            assertThat(Files.readAllLines(directory.resolve(Journal.FILE))).hasSize(3)
                    .allSatisfy(line -> assertThat(line).containsAnyOf("during", "checkpoint"));
            table.put(item("after", "1"), Condition.absent());
        }
        try (EmbeddedTable table = Tables.open(directory)) {
            DurabilityTest.assertSampleItems(table);
            assertThat(table.get(key("during", "2"))).isPresent();
            assertThat(table.get(key("after", "1"))).isPresent();
            assertThat(table.stream().checkpoint("notifier")).isEqualTo(8);
            assertThat(sequences(table)).hasSize(10).last().isEqualTo(10L);
        }
    }

    private static List<Long> sequences(EmbeddedTable table) {
        return table.stream().read(0, 100).stream().map(StreamRecord::sequenceNumber).toList();
    }
}
