package com.medicarewizard.adapter.embedded;

import com.medicarewizard.adapter.table.TableTokens;
import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.port.Tokens;
import com.medicarewizard.port.contract.TokensContract;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedTokensTest extends TokensContract {

    @TempDir
    Path directory;
    private EmbeddedTable table;

    @Override
    protected Tokens newTokens() {
        table = EmbeddedTables.open(directory);
        return new TableTokens(table);
    }

    @AfterEach
    void closeTable() throws IOException {
        table.close();
    }
}
