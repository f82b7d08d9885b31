package com.medicarewizard.adapter.dynamodb;

import com.medicarewizard.adapter.table.TableAuditTrail;
import com.medicarewizard.adapter.table.TablePatients;
import com.medicarewizard.adapter.dynamodb.local.DynaliteExtension;
import com.medicarewizard.port.AuditTrail;
import com.medicarewizard.port.Patients;
import com.medicarewizard.port.contract.PatientsContract;

import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link Patients} contract on the wire: {@link TablePatients} against dynalite, a new table per test. */
@ExtendWith(DynaliteExtension.class)
class DynamoDbPatientsIT extends PatientsContract {

    private DynamoDbItemTable table;

    @Override
    protected Patients newPatients() {
        table = DynaliteExtension.freshTable();
        return new TablePatients(table);
    }

    @Override
    protected AuditTrail audit() {
        return new TableAuditTrail(table);
    }
}
