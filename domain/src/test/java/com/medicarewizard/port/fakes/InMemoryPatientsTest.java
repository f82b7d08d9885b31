package com.medicarewizard.port.fakes;

import com.medicarewizard.port.Patients;
import com.medicarewizard.port.contract.PatientsContract;

/** The fake the functions' unit tests use keeps the patients' contract. */
class InMemoryPatientsTest extends PatientsContract {

    @Override
    protected Patients newPatients() {
        return new InMemoryPatients();
    }
}
