package com.medicarewizard.adapter.dynamodb;

import com.medicarewizard.adapter.table.TableNotificationLedger;
import com.medicarewizard.adapter.dynamodb.local.DynaliteExtension;
import com.medicarewizard.port.NotificationLedger;
import com.medicarewizard.port.contract.NotificationLedgerContract;

import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link NotificationLedger} contract on the wire: {@link TableNotificationLedger} against dynalite, a new table per test. */
@ExtendWith(DynaliteExtension.class)
class DynamoDbNotificationLedgerIT extends NotificationLedgerContract {

    @Override
    protected NotificationLedger newLedger() {
        return new TableNotificationLedger(DynaliteExtension.freshTable());
    }
}
