package com.medicarewizard.adapter.embedded;

import com.medicarewizard.adapter.table.TableAuditTrail;
import com.medicarewizard.adapter.table.TablePatients;
import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.port.AuditTrail;
import com.medicarewizard.port.Patients;
import com.medicarewizard.port.contract.PatientsContract;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPatientsTest extends PatientsContract {

    @TempDir
    Path directory;
    private EmbeddedTable table;

    @Override
    protected Patients newPatients() {
        table = EmbeddedTables.open(directory);
        return new TablePatients(table);
    }

    @Override
    protected AuditTrail audit() {
        return new TableAuditTrail(table);
    }

    @AfterEach
    void closeTable() throws IOException {
        table.close();
    }
}
