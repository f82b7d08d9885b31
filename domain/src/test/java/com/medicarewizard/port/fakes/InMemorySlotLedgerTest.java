package com.medicarewizard.port.fakes;

import com.medicarewizard.port.SlotLedger;
import com.medicarewizard.port.contract.SlotLedgerContract;

/** The fake the functions' unit tests use keeps the slot ledger's contract. */
class InMemorySlotLedgerTest extends SlotLedgerContract {

    @Override
    protected SlotLedger newLedger() {
        return new InMemorySlotLedger();
    }
}
