package com.medicarewizard.adapter.embedded;

import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.adapter.table.TablePasswordResets;
import com.medicarewizard.adapter.table.TablePatients;
import com.medicarewizard.port.contract.PasswordResetsContract;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPasswordResetsTest extends PasswordResetsContract {

    @TempDir
    Path directory;
    private EmbeddedTable table;

    @Override
    protected Stores newStores() {
        table = EmbeddedTables.open(directory);
        return new Stores(new TablePatients(table), new TablePasswordResets(table));
    }

    @AfterEach
    void closeTable() throws IOException {
        table.close();
    }
}
