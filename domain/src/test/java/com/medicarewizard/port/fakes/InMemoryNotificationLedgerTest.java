package com.medicarewizard.port.fakes;

import com.medicarewizard.port.NotificationLedger;
import com.medicarewizard.port.contract.NotificationLedgerContract;

/** The fake the notifier's and the intake's unit tests use keeps the ledger's contract. */
class InMemoryNotificationLedgerTest extends NotificationLedgerContract {

    @Override
    protected NotificationLedger newLedger() {
        return new InMemoryNotificationLedger();
    }
}
