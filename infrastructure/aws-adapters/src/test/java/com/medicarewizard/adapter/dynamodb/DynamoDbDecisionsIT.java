package com.medicarewizard.adapter.dynamodb;

import com.medicarewizard.adapter.dynamodb.local.DynaliteExtension;
import com.medicarewizard.adapter.table.TableDecisions;
import com.medicarewizard.adapter.table.TableReservations;
import com.medicarewizard.adapter.table.TableSlotLedger;
import com.medicarewizard.port.contract.DecisionsContract;
import com.medicarewizard.table.ItemTable;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The {@link com.medicarewizard.port.Decisions} contract on the wire: {@link TableDecisions} against
 * dynalite (its transaction emulated put by put, reporting the first failed condition only), a new
 * table per test.
 */
@ExtendWith(DynaliteExtension.class)
class DynamoDbDecisionsIT extends DecisionsContract {

    @Override
    protected Stores newStores() {
        ItemTable table = DynaliteExtension.freshTable();
        return new Stores(new TableReservations(table), new TableSlotLedger(table), new TableDecisions(table));
    }
}
