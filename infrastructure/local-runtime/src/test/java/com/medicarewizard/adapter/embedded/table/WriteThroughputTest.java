package com.medicarewizard.adapter.embedded.table;

import com.medicarewizard.table.Update;
import com.medicarewizard.table.Item;
import com.medicarewizard.table.Condition;

import static com.medicarewizard.adapter.embedded.table.Tables.key;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conditional single-item writes on one thread, each journalled and handed to the OS (not forced:
 * what the table itself costs, without the disk's flushes, which group commit shares).
 */
class WriteThroughputTest {

    private static final int WARM_UP = 20_000;
    private static final int MEASURED = 100_000;

    @TempDir
    Path directory;

    @Test
    void conditionalWritesOnOneThreadExceedAConservativeFloor() throws Exception {
        try (EmbeddedTable table = Tables.open(directory, TableOptions.defaults().withSyncOnCommit(false))) {
            write(table, "warm", WARM_UP);
            long start = System.nanoTime();
            write(table, "slot", MEASURED);
            double perSecond = MEASURED / ((System.nanoTime() - start) / 1e9);

            long updateStart = System.nanoTime();
            for (int i = 0; i < MEASURED; i++) {
                table.update(key("slot", "s" + i), Update.set("state", "CONFIRMED"),
                        Condition.equals("state", "HELD"));
            }
            double updatesPerSecond = MEASURED / ((System.nanoTime() - updateStart) / 1e9);

            System.out.printf("EmbeddedTable: %,.0f conditional puts/s, %,.0f conditional updates/s (one thread, "
                    + "journal flushed to the OS per commit, %d items)%n", perSecond, updatesPerSecond, table.size());
            assertThat(perSecond).isGreaterThan(2_000);
            assertThat(updatesPerSecond).isGreaterThan(2_000);
        }
    }

    @Test
    void reportsThroughputWithAForcePerCommit() throws Exception {
        try (EmbeddedTable table = Tables.open(directory, TableOptions.defaults().withSyncOnCommit(true))) {
            write(table, "warm", 50);
            long start = System.nanoTime();
            write(table, "slot", 500);
            double perSecond = 500 / ((System.nanoTime() - start) / 1e9);
            System.out.printf("EmbeddedTable: %,.0f conditional puts/s with syncOnCommit (fsync per commit)%n",
                    perSecond);
            assertThat(table.size()).isEqualTo(550);
        }
    }

    private static void write(EmbeddedTable table, String partition, int count) {
        for (int i = 0; i < count; i++) {
            table.put(Item.builder(partition, "s" + i).put("state", "HELD").put("owner", "patient-" + i % 977)
                    .put("when", "2025-03-01T" + i % 24 + ":00").build(), Condition.absent());
        }
    }
}
