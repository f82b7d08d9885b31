package com.medicarewizard.port.fakes;

import com.medicarewizard.port.contract.CenterVersionsContract;

/** The fake the functions' unit tests use keeps the center versions' contract. */
class InMemoryCenterVersionsTest extends CenterVersionsContract {

    @Override
    protected Stores newStores() {
        InMemoryStaffAccounts audit = new InMemoryStaffAccounts();
        return new Stores(new InMemoryCenterVersions(audit), audit);
    }
}
