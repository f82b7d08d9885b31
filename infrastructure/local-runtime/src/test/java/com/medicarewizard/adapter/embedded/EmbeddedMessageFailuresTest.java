package com.medicarewizard.adapter.embedded;

import com.medicarewizard.adapter.table.TableMessageFailures;
import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.port.MessageFailures;
import com.medicarewizard.port.contract.MessageFailuresContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

class EmbeddedMessageFailuresTest extends MessageFailuresContract {

    @TempDir
    Path directory;
    private EmbeddedTable table;

    @Override
    protected MessageFailures newFailures() {
        table = EmbeddedTables.open(directory);
        return new TableMessageFailures(table);
    }

    @AfterEach
    void closeTable() throws IOException {
        table.close();
    }
}
