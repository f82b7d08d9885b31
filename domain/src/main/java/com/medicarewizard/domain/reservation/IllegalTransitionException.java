package com.medicarewizard.domain.reservation;

/** A reservation was asked to move to a state its current state does not lead to. */
public final class IllegalTransitionException extends RuntimeException {
    private final ReservationStatus from;

    public IllegalTransitionException(ReservationStatus from, String change) {
        super("a " + from + " reservation cannot be " + change);
        this.from = from;
    }

    public ReservationStatus from() {
        return from;
    }
}
