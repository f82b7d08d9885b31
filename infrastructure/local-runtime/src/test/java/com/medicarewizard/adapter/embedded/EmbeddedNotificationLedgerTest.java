package com.medicarewizard.adapter.embedded;

import com.medicarewizard.adapter.table.TableNotificationLedger;
import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.port.NotificationLedger;
import com.medicarewizard.port.contract.NotificationLedgerContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

class EmbeddedNotificationLedgerTest extends NotificationLedgerContract {

    @TempDir
    Path directory;
    private EmbeddedTable table;

    @Override
    protected NotificationLedger newLedger() {
        table = EmbeddedTables.open(directory);
        return new TableNotificationLedger(table);
    }

    @AfterEach
    void closeTable() throws IOException {
        table.close();
    }
}
