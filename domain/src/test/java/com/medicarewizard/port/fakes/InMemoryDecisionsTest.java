package com.medicarewizard.port.fakes;

import com.medicarewizard.port.contract.DecisionsContract;

/** The fake the allocator's unit tests use keeps the decisions' contract. */
class InMemoryDecisionsTest extends DecisionsContract {

    @Override
    protected Stores newStores() {
        InMemoryReservations reservations = new InMemoryReservations();
        InMemorySlotLedger ledger = new InMemorySlotLedger();
        return new Stores(reservations, ledger, new InMemoryDecisions(reservations, ledger));
    }
}
