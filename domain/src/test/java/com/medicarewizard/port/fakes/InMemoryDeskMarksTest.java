package com.medicarewizard.port.fakes;

import com.medicarewizard.port.contract.DeskMarksContract;

/** The fake the functions' unit tests use keeps the desk marks' contract. */
class InMemoryDeskMarksTest extends DeskMarksContract {

    @Override
    protected Stores newStores() {
        InMemoryStaffAccounts audit = new InMemoryStaffAccounts();
        return new Stores(new InMemoryDeskMarks(audit), audit);
    }
}
