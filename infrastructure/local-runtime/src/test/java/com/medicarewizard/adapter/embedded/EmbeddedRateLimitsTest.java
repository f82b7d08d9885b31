package com.medicarewizard.adapter.embedded;

import com.medicarewizard.adapter.table.TableLoginAttempts;
import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.port.LoginAttempts;
import com.medicarewizard.port.contract.LoginAttemptsContract;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedLoginAttemptsTest extends LoginAttemptsContract {

    @TempDir
    Path directory;
    private EmbeddedTable table;

    @Override
    protected LoginAttempts newLoginAttempts() {
        table = EmbeddedTables.open(directory);
        return new TableLoginAttempts(table);
    }

    @AfterEach
    void closeTable() throws IOException {
        table.close();
    }
}
