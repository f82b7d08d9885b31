package com.medicarewizard.port.fakes;

import com.medicarewizard.port.contract.StaffAccountsContract;

/** The fake the functions' unit tests use keeps the staff accounts' contract. */
class InMemoryStaffAccountsTest extends StaffAccountsContract {

    @Override
    protected Stores newStores() {
        InMemoryStaffAccounts store = new InMemoryStaffAccounts();
        return new Stores(store, store);
    }
}
