package com.medicarewizard.adapter.dynamodb;

import com.medicarewizard.adapter.dynamodb.local.DynaliteExtension;
import com.medicarewizard.adapter.table.TableReservations;
import com.medicarewizard.port.contract.ReservationChangesContract;
import org.junit.jupiter.api.extension.ExtendWith;

/** Waiting in AWS on the wire: {@link PolledReservationChanges} reading the item from dynalite, a new table per test. */
@ExtendWith(DynaliteExtension.class)
class DynamoDbReservationChangesIT extends ReservationChangesContract {

    @Override
    protected Watched newWatched() {
        TableReservations reservations = new TableReservations(DynaliteExtension.freshTable());
        return new Watched(reservations, new PolledReservationChanges(reservations));
    }
}
