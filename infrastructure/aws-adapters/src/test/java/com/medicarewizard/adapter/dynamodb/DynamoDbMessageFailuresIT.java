package com.medicarewizard.adapter.dynamodb;

import com.medicarewizard.adapter.table.TableMessageFailures;
import com.medicarewizard.adapter.dynamodb.local.DynaliteExtension;
import com.medicarewizard.port.MessageFailures;
import com.medicarewizard.port.contract.MessageFailuresContract;

import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link MessageFailures} contract on the wire: {@link TableMessageFailures} against dynalite, a new table per test. */
@ExtendWith(DynaliteExtension.class)
class DynamoDbMessageFailuresIT extends MessageFailuresContract {

    @Override
    protected MessageFailures newFailures() {
        return new TableMessageFailures(DynaliteExtension.freshTable());
    }
}
