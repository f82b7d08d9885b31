package com.medicarewizard.adapter.embedded.table;

import com.medicarewizard.table.Item;
import com.medicarewizard.table.Key;
import com.medicarewizard.table.Condition;
import com.medicarewizard.table.Write;
import com.medicarewizard.table.SortRange;
import com.medicarewizard.table.ConditionFailedException;

import static com.medicarewizard.adapter.embedded.table.Tables.BY_OWNER;
import static com.medicarewizard.adapter.embedded.table.Tables.item;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrencyTest {

    @TempDir
    Path directory;

    @Test
    void concurrentCreatesOfTheSameKeysSucceedOncePerKey() throws Exception {
        AtomicInteger succeeded = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        try (EmbeddedTable table = Tables.open(directory);
             ExecutorService threads = Executors.newFixedThreadPool(8)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < 500; i++) {
                        try {
                            table.put(item("slot", "k" + (i + thread * 13) % 100).with("by", (long) thread),
                                    Condition.absent());
                            succeeded.incrementAndGet();
                        } catch (ConditionFailedException e) {
                            failed.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get();
            }

            assertThat(succeeded).hasValue(100);
            assertThat(failed).hasValue(3900);
            List<StreamRecord> records = table.stream().read(0, 10_000);
            Map<Key, List<String>> eventsPerKey = records.stream().collect(Collectors.groupingBy(
                    StreamRecord::keys, Collectors.mapping(StreamRecord::eventName, Collectors.toList())));
            assertThat(eventsPerKey).hasSize(100).allSatisfy((key, events) -> assertThat(events).containsExactly("INSERT"));
        }
    }

    @Test
    void readersNeverSeeHalfATransaction() throws Exception {
        int transactions = 20_000;
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        List<String> violations = java.util.Collections.synchronizedList(new ArrayList<>());
        // not forced: this is about what readers see, and 20,000 flushes on one thread take minutes
        try (EmbeddedTable table = Tables.open(directory, TableOptions.defaults().withSyncOnCommit(false));
             ExecutorService threads = Executors.newFixedThreadPool(3)) {
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(threads.submit(() -> {
                    while (writing.get()) {
                        check(table.query("pair", SortRange.all(), 10, true), violations);
                        check(table.queryIndex(BY_OWNER, "ann", SortRange.all(), 10, true), violations);
                        reads.incrementAndGet();
                    }
                }));
            }
            for (long v = 1; v <= transactions; v++) {
                table.transact(List.of(
                        Write.put(version("a", v), Condition.always()),
                        Write.put(version("b", v), Condition.always())));
            }
            writing.set(false);
            for (Future<?> reader : readers) {
                reader.get();
            }
        }
        assertThat(violations).isEmpty();
        assertThat(reads.get()).isPositive();
    }

    /** Both items carry the version; the index sort attribute moves with it, so index entries move too. */
    private static Item version(String sk, long v) {
        return item("pair", sk).with("v", v).with("owner", "ann").with("when", String.format("%08d", v));
    }

    private static void check(List<Item> pair, List<String> violations) {
        if (pair.isEmpty()) {
            return;
        }
        if (pair.size() != 2 || pair.get(0).longValue("v") != pair.get(1).longValue("v")) {
            violations.add(pair.toString());
        }
    }
}
