package com.medicarewizard.adapter.dynamodb;

import com.medicarewizard.adapter.table.TableSlotLedger;
import com.medicarewizard.adapter.dynamodb.local.DynaliteExtension;
import com.medicarewizard.port.SlotLedger;
import com.medicarewizard.port.contract.SlotLedgerContract;

import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link SlotLedger} contract on the wire: {@link TableSlotLedger} against dynalite, a new table per test. */
@ExtendWith(DynaliteExtension.class)
class DynamoDbSlotLedgerIT extends SlotLedgerContract {

    @Override
    protected SlotLedger newLedger() {
        return new TableSlotLedger(DynaliteExtension.freshTable());
    }
}
