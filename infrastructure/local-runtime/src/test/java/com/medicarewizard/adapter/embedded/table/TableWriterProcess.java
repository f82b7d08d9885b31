package com.medicarewizard.adapter.embedded.table;

import com.medicarewizard.table.Item;
import com.medicarewizard.table.Condition;
import com.medicarewizard.table.Write;

import java.nio.file.Path;
import java.util.List;

/** Run in a child JVM by {@link KilledProcessTest}: writes until killed, acknowledging each write on stdout. */
public final class TableWriterProcess {

    private TableWriterProcess() {
    }

    public static void main(String[] args) throws Exception {
        try (EmbeddedTable table = EmbeddedTable.open(Path.of(args[0]), List.of())) {
            for (long i = 1; ; i++) {
                table.transact(List.of(
                        Write.put(Item.builder("item", Long.toString(i)).put("i", i).build(), Condition.absent()),
                        Write.put(Item.builder("twin", Long.toString(i)).put("i", i).build(), Condition.absent())));
                System.out.println(i);
            }
        }
    }
}
