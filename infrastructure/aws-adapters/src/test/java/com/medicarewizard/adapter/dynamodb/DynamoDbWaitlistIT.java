package com.medicarewizard.adapter.dynamodb;

import com.medicarewizard.adapter.dynamodb.local.DynaliteExtension;
import com.medicarewizard.adapter.table.TableWaitlist;
import com.medicarewizard.port.Waitlist;
import com.medicarewizard.port.contract.WaitlistContract;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link Waitlist} contract on the wire: {@link TableWaitlist} against dynalite, a new table per test. */
@ExtendWith(DynaliteExtension.class)
class DynamoDbWaitlistIT extends WaitlistContract {

    @Override
    protected Waitlist newWaitlist() {
        return new TableWaitlist(DynaliteExtension.freshTable());
    }
}
