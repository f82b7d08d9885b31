package com.medicarewizard.adapter.dynamodb;

import com.medicarewizard.adapter.table.TablePatients;
import com.medicarewizard.adapter.dynamodb.local.DynaliteExtension;
import com.medicarewizard.port.Patients;
import com.medicarewizard.port.contract.PatientsContract;

import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link Patients} contract on the wire: {@link TablePatients} against dynalite, a new table per test. */
@ExtendWith(DynaliteExtension.class)
class DynamoDbPatientsIT extends PatientsContract {

    @Override
    protected Patients newPatients() {
        return new TablePatients(DynaliteExtension.freshTable());
    }
}
