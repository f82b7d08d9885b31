package com.medicarewizard.adapter.embedded;

import com.medicarewizard.adapter.table.TableReservations;
import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.port.Reservations;
import com.medicarewizard.port.contract.ReservationsContract;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedReservationsTest extends ReservationsContract {

    @TempDir
    Path directory;
    private EmbeddedTable table;

    @Override
    protected Reservations newReservations() {
        table = EmbeddedTables.open(directory);
        return new TableReservations(table);
    }

    @AfterEach
    void closeTable() throws IOException {
        table.close();
    }
}
