package com.medicarewizard.runtime.pipeline;

import com.medicarewizard.adapter.embedded.EmbeddedTables;
import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.table.Condition;
import com.medicarewizard.table.Item;
import com.medicarewizard.table.Key;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's promise for the table on a full disk: a commit it cannot journal fails and changes
 * nothing, and once space is freed the table takes writes again, without a restart.
 */
class TableDiskFullIT {

    @TempDir
    Path data;

    @Test
    void aCommitTheDiskRefusesChangesNothingAndWritesGoOnOnceSpaceIsFreed() throws Exception {
        Path tableDirectory = data.resolve("table");
        try (TinyDisk disk = TinyDisk.mount(tableDirectory, "1m")) {
            List<String> written = new ArrayList<>();
            String refused = null;
            try (EmbeddedTable table = EmbeddedTables.open(tableDirectory)) {
                table.put(item("before-full"), Condition.absent());
                disk.fill();
                // the journal's last page may still have room for a few lines
                for (int i = 0; i < 10_000 && refused == null; i++) {
                    String partition = "while-full-" + i;
                    try {
                        table.put(item(partition), Condition.absent());
                        written.add(partition);
                    } catch (RuntimeException full) {
                        refused = partition;
                    }
                }
                assertThat(refused).as("the full disk refused a commit").isNotNull();
                assertThat(table.get(key(refused))).as("a refused commit changes nothing").isEmpty();

                disk.free();
                table.put(item("after-freed"), Condition.absent());
                assertThat(table.get(key("after-freed"))).isPresent();
            }
            try (EmbeddedTable reopened = EmbeddedTables.open(tableDirectory)) {
                assertThat(reopened.get(key("before-full"))).isPresent();
                for (String partition : written) {
                    assertThat(reopened.get(key(partition))).as(partition).isPresent();
                }
                assertThat(reopened.get(key(refused))).isEmpty();
                assertThat(reopened.get(key("after-freed"))).isPresent();
            }
        }
    }

    private static Item item(String partition) {
        return Item.of(key(partition));
    }

    private static Key key(String partition) {
        return new Key(partition, "1");
    }
}
