package com.medicarewizard.adapter.embedded.table;

import com.medicarewizard.table.Item;
import com.medicarewizard.table.Condition;
import com.medicarewizard.table.Write;

import java.nio.file.Path;
import java.util.List;

/**
 * Run in a child JVM by {@link KilledProcessTest}: writes until killed, acknowledging each write on
 * stdout. Not forced: a killed process loses nothing the OS has, and a flush per write would make
 * the test's 3,000 writes take a minute.
 */
public final class TableWriterProcess {

    private TableWriterProcess() {
    }

    public static void main(String[] args) throws Exception {
        try (EmbeddedTable table = EmbeddedTable.open(Path.of(args[0]), List.of(),
                TableOptions.defaults().withSyncOnCommit(false))) {
            for (long i = 1; ; i++) {
                table.transact(List.of(
                        Write.put(Item.builder("item", Long.toString(i)).put("i", i).build(), Condition.absent()),
                        Write.put(Item.builder("twin", Long.toString(i)).put("i", i).build(), Condition.absent())));
                System.out.println(i);
            }
        }
    }
}
