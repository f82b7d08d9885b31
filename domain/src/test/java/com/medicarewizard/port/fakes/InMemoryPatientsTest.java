package com.medicarewizard.port.fakes;

import com.medicarewizard.port.AuditTrail;
import com.medicarewizard.port.Patients;
import com.medicarewizard.port.contract.PatientsContract;

/** The fake the functions' unit tests use keeps the patients' contract. */
class InMemoryPatientsTest extends PatientsContract {

    private InMemoryPatients store;

    @Override
    protected Patients newPatients() {
        store = new InMemoryPatients();
        return store;
    }

    @Override
    protected AuditTrail audit() {
        return store.audit();
    }
}
