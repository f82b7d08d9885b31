package com.medicarewizard.port.fakes;

import com.medicarewizard.port.Reservations;
import com.medicarewizard.port.contract.ReservationsContract;

/** The fake the functions' unit tests use keeps the reservations' contract. */
class InMemoryReservationsTest extends ReservationsContract {

    @Override
    protected Reservations newReservations() {
        return new InMemoryReservations();
    }
}
