package com.medicarewizard.port.fakes;

import com.medicarewizard.port.contract.PasswordResetsContract;

/** The fake the functions' unit tests use keeps the password resets' contract. */
class InMemoryPasswordResetsTest extends PasswordResetsContract {

    @Override
    protected Stores newStores() {
        InMemoryPatients patients = new InMemoryPatients();
        return new Stores(patients, new InMemoryPasswordResets(patients));
    }
}
