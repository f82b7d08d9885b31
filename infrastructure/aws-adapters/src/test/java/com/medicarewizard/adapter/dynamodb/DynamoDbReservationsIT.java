package com.medicarewizard.adapter.dynamodb;

import com.medicarewizard.adapter.table.TableReservations;
import com.medicarewizard.adapter.dynamodb.local.DynaliteExtension;
import com.medicarewizard.port.Reservations;
import com.medicarewizard.port.contract.ReservationsContract;

import org.junit.jupiter.api.extension.ExtendWith;

/** The {@link Reservations} contract on the wire: {@link TableReservations} against dynalite, a new table per test. */
@ExtendWith(DynaliteExtension.class)
class DynamoDbReservationsIT extends ReservationsContract {

    @Override
    protected Reservations newReservations() {
        return new TableReservations(DynaliteExtension.freshTable());
    }
}
