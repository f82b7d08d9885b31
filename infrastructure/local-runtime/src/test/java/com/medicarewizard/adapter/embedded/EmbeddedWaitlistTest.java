package com.medicarewizard.adapter.embedded;

import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.adapter.table.TableWaitlist;
import com.medicarewizard.port.Waitlist;
import com.medicarewizard.port.contract.WaitlistContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

class EmbeddedWaitlistTest extends WaitlistContract {
    @TempDir
    Path directory;
    private EmbeddedTable table;

    @Override
    protected Waitlist newWaitlist() {
        table = EmbeddedTables.open(directory);
        return new TableWaitlist(table);
    }

    @AfterEach
    void closeTable() throws IOException {
        table.close();
    }
}
