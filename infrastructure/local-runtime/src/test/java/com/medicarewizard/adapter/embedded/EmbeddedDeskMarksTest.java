package com.medicarewizard.adapter.embedded;

import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.adapter.table.TableAuditTrail;
import com.medicarewizard.adapter.table.TableDeskMarks;
import com.medicarewizard.port.contract.DeskMarksContract;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDeskMarksTest extends DeskMarksContract {

    @TempDir
    Path directory;
    private EmbeddedTable table;

    @Override
    protected Stores newStores() {
        table = EmbeddedTables.open(directory);
        return new Stores(new TableDeskMarks(table), new TableAuditTrail(table));
    }

    @AfterEach
    void closeTable() throws IOException {
        table.close();
    }
}
