package com.medicarewizard.adapter.embedded;

import com.medicarewizard.adapter.table.TableSlotLedger;
import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.port.SlotLedger;
import com.medicarewizard.port.contract.SlotLedgerContract;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedSlotLedgerTest extends SlotLedgerContract {

    @TempDir
    Path directory;
    private EmbeddedTable table;

    @Override
    protected SlotLedger newLedger() {
        table = EmbeddedTables.open(directory);
        return new TableSlotLedger(table);
    }

    @AfterEach
    void closeTable() throws IOException {
        table.close();
    }
}
