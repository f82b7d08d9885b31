package com.medicarewizard.allocator;

import com.medicarewizard.domain.reservation.ReservationStatus;

import java.util.Optional;

/** What handling one queue command did, for logs, metrics and tests. */
public record AllocationOutcome(Kind kind, Optional<ReservationStatus> status) {
    public enum Kind {
        /** The reservation moved to a new state. */
        CHANGED,
        /** It was already in a final or later state: a redelivery or replay, nothing to do. */
        ALREADY_HANDLED,
        /** No such reservation: nothing to decide. */
        UNKNOWN_RESERVATION
    }

    static AllocationOutcome changed(ReservationStatus status) {
        return new AllocationOutcome(Kind.CHANGED, Optional.of(status));
    }

    static AllocationOutcome alreadyHandled(ReservationStatus status) {
        return new AllocationOutcome(Kind.ALREADY_HANDLED, Optional.of(status));
    }

    static AllocationOutcome unknown() {
        return new AllocationOutcome(Kind.UNKNOWN_RESERVATION, Optional.empty());
    }
}
