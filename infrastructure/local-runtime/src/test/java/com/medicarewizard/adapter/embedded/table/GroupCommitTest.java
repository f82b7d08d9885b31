package com.medicarewizard.adapter.embedded.table;

import com.medicarewizard.table.Condition;
import com.medicarewizard.table.Item;

import static com.medicarewizard.adapter.embedded.table.Tables.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write returns only once a force covering its journal line has completed; waiting writes share forces. */
class GroupCommitTest {

    private static final int THREADS = 8;
    private static final int WRITES_EACH = 25;

    @TempDir
    Path directory;

    @Test
    void aWriteReturnsOnlyAfterTheForceOfItsLineCompleted() throws Exception {
        RecordingSync sync = new RecordingSync();
        try (EmbeddedTable table = Tables.open(directory, TableOptions.defaults().withJournalSync(sync));
             ExecutorService thread = Executors.newSingleThreadExecutor()) {
            table.put(item("before", "1"), Condition.absent());
            sync.hold();
            CompletableFuture<Long> written = CompletableFuture.supplyAsync(() -> {
                table.put(item("held", "1"), Condition.absent());
                return sync.forcedUpTo();
            }, thread);
            await().atMost(Duration.ofSeconds(30)).until(sync::holding);
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> !written.isDone());
            assertThat(table.stream().read(0, 10)).as("not streamed before it is durable").hasSize(1);

            sync.release();
            long forcedWhenReturned = written.get(30, TimeUnit.SECONDS);
            assertThat(forcedWhenReturned).isGreaterThanOrEqualTo(endOfLine(directory, "held"));
            assertThat(table.stream().read(0, 10)).hasSize(2);
        }
    }

    @Test
    void concurrentWritesShareForcesAndEachReturnsAfterOneCoveringIt() throws Exception {
        RecordingSync sync = new RecordingSync().slowedBy(15);
        Map<String, Long> forcedWhenReturned = new ConcurrentHashMap<>();
        try (EmbeddedTable table = Tables.open(directory, TableOptions.defaults().withJournalSync(sync));
             ExecutorService threads = Executors.newFixedThreadPool(THREADS)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < WRITES_EACH; i++) {
                        String partition = "t" + thread + "w" + i;
                        table.put(item(partition, "1"), Condition.absent());
                        forcedWhenReturned.put(partition, sync.forcedUpTo());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(120, TimeUnit.SECONDS);
            }
        }
        int commits = THREADS * WRITES_EACH;
        System.out.printf("Group commit: %d commits from %d threads took %d forces%n", commits, THREADS, sync.forces());
        assertThat(sync.forces()).isLessThan(commits);
        for (Map.Entry<String, Long> returned : forcedWhenReturned.entrySet()) {
            assertThat(returned.getValue()).as(returned.getKey())
                    .isGreaterThanOrEqualTo(endOfLine(directory, returned.getKey()));
        }
    }

    @Test
    void writesOfADeferringBlockShareOneForceAtItsEndAndAreStreamedOnlyThen() throws Exception {
        RecordingSync sync = new RecordingSync();
        try (EmbeddedTable table = Tables.open(directory, TableOptions.defaults().withJournalSync(sync))) {
            table.put(item("before", "1"), Condition.absent());
            int forcesBefore = sync.forces();

            int streamedInside = table.deferringForces(() -> {
                for (int i = 0; i < 10; i++) {
                    table.put(item("claim", "c" + i), Condition.absent());
                }
                assertThat(table.get(Tables.key("claim", "c9"))).as("conditions see the block's writes").isPresent();
                assertThat(sync.forces()).isEqualTo(forcesBefore);
                return table.stream().read(0, 100).size();
            });

            assertThat(streamedInside).isEqualTo(1);
            assertThat(sync.forces()).isEqualTo(forcesBefore + 1);
            assertThat(sync.forcedUpTo()).isGreaterThanOrEqualTo(endOfLine(directory, "claim"));
            assertThat(table.stream().read(0, 100)).hasSize(11);
        }
    }

    /** Rate-limit counters: journalled before the write returns, forced (and streamed) by the next force. */
    @Test
    void writesNotAwaitingForcesReturnWhileTheDiskHoldsTheForceAndAreForcedByTheNext() throws Exception {
        RecordingSync sync = new RecordingSync();
        try (EmbeddedTable table = Tables.open(directory, TableOptions.defaults().withJournalSync(sync))) {
            sync.hold();
            Optional<Item> previous = table.withoutAwaitingForces(() -> table.put(item("counter", "1"), Condition.absent()));

            assertThat(previous).isEmpty();
            assertThat(table.get(Tables.key("counter", "1"))).as("readable at once").isPresent();
            assertThat(sync.forces()).as("returned with no force").isZero();
            assertThat(Files.size(directory.resolve(Journal.FILE))).as("journalled to the OS")
                    .isGreaterThanOrEqualTo(endOfLine(directory, "counter"));
            assertThat(table.stream().read(0, 10)).as("not streamed before it is on the disk").isEmpty();
            sync.release();

            table.put(item("pending", "1"), Condition.absent());
            assertThat(sync.forcedUpTo()).isGreaterThanOrEqualTo(endOfLine(directory, "counter"));
            assertThat(table.stream().read(0, 10)).hasSize(2);
        }
    }

    @Test
    void closingForcesWhatWasWrittenWithoutAwaitingAForce() throws Exception {
        RecordingSync sync = new RecordingSync();
        try (EmbeddedTable table = Tables.open(directory, TableOptions.defaults().withJournalSync(sync))) {
            table.withoutAwaitingForces(() -> table.put(item("counter", "1"), Condition.absent()));
            assertThat(sync.forces()).isZero();
        }
        assertThat(sync.forcedUpTo()).isGreaterThanOrEqualTo(endOfLine(directory, "counter"));
    }

    @Test
    void withoutSyncNothingIsForced() throws Exception {
        RecordingSync sync = new RecordingSync();
        try (EmbeddedTable table = Tables.open(directory,
                TableOptions.defaults().withJournalSync(sync).withSyncOnCommit(false))) {
            table.put(item("a", "1"), Condition.absent());
            assertThat(table.stream().read(0, 10)).hasSize(1);
        }
        assertThat(sync.forces()).isZero();
    }

    /** The byte offset just after the last journal line that writes partition {@code pk}. */
    static long endOfLine(Path directory, String pk) throws IOException {
        byte[] journal = Files.readAllBytes(directory.resolve(Journal.FILE));
        String text = new String(journal, StandardCharsets.ISO_8859_1);
        int at = text.lastIndexOf("\"pk\":\"" + pk + "\"");
        assertThat(at).as("line of " + pk).isNotNegative();
        return text.indexOf('\n', at) + 1;
    }
}
