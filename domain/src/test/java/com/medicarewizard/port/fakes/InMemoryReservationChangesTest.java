package com.medicarewizard.port.fakes;

import com.medicarewizard.port.contract.ReservationChangesContract;

/** The fake's waiting keeps the contract the intake's tests rely on. */
class InMemoryReservationChangesTest extends ReservationChangesContract {

    @Override
    protected Watched newWatched() {
        InMemoryReservations reservations = new InMemoryReservations();
        return new Watched(reservations, reservations);
    }
}
