package com.medicarewizard.adapter.dynamodb;

import com.medicarewizard.adapter.table.TableLoginAttempts;
import com.medicarewizard.adapter.dynamodb.local.DynaliteExtension;
import com.medicarewizard.port.LoginAttempts;
import com.medicarewizard.port.contract.LoginAttemptsContract;

import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link LoginAttempts} contract on the wire: {@link TableLoginAttempts} against dynalite, a new table per test. */
@ExtendWith(DynaliteExtension.class)
class DynamoDbLoginAttemptsIT extends LoginAttemptsContract {

    @Override
    protected LoginAttempts newLoginAttempts() {
        return new TableLoginAttempts(DynaliteExtension.freshTable());
    }
}
