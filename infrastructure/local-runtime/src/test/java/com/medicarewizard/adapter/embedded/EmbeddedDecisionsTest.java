package com.medicarewizard.adapter.embedded;

import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.adapter.table.TableDecisions;
import com.medicarewizard.adapter.table.TableReservations;
import com.medicarewizard.adapter.table.TableSlotLedger;
import com.medicarewizard.port.contract.DecisionsContract;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDecisionsTest extends DecisionsContract {

    @TempDir
    Path directory;
    private EmbeddedTable table;

    @Override
    protected Stores newStores() {
        table = EmbeddedTables.open(directory);
        return new Stores(new TableReservations(table), new TableSlotLedger(table), new TableDecisions(table));
    }

    @AfterEach
    void closeTable() throws IOException {
        table.close();
    }
}
