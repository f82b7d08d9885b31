package com.medicarewizard.adapter.embedded;

import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.table.ItemTable;
import com.medicarewizard.table.contract.ItemTableContract;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The {@link ItemTable} contract on the embedded table, with the layout's indexes. */
class EmbeddedItemTableTest extends ItemTableContract {

    @TempDir
    Path directory;
    private EmbeddedTable table;

    @Override
    protected ItemTable newTable() {
        table = EmbeddedTables.open(directory);
        return table;
    }

    @AfterEach
    void closeTable() throws IOException {
        table.close();
    }
}
