package com.medicarewizard.adapter.embedded;

import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.adapter.table.TableRecipientQuota;
import com.medicarewizard.port.RecipientQuota;
import com.medicarewizard.port.contract.RecipientQuotaContract;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedRecipientQuotaTest extends RecipientQuotaContract {

    @TempDir
    Path directory;
    private EmbeddedTable table;

    @Override
    protected RecipientQuota newQuota() {
        table = EmbeddedTables.open(directory);
        return new TableRecipientQuota(table);
    }

    @AfterEach
    void closeTable() throws IOException {
        table.close();
    }
}
