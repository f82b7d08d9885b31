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
        UNKNOWN_RESERVATION,
        /** A CANCEL its patient never asked for (no request recorded on the reservation): ignored. */
        NOT_REQUESTED,
        /**
         * Another consumer holds the request's decision lease (a duplicate delivery, or the sweeper's
         * re-send, met the first one at work): not decided here; the queue is to deliver the command
         * again, by when it is decided.
         */
        BEING_DECIDED
    }

    static AllocationOutcome changed(ReservationStatus status) {
        return new AllocationOutcome(Kind.CHANGED, Optional.of(status));
    }

    static AllocationOutcome alreadyHandled(ReservationStatus status) {
        return new AllocationOutcome(Kind.ALREADY_HANDLED, Optional.of(status));
    }

    static AllocationOutcome notRequested(ReservationStatus status) {
        return new AllocationOutcome(Kind.NOT_REQUESTED, Optional.of(status));
    }

    static AllocationOutcome beingDecided() {
        return new AllocationOutcome(Kind.BEING_DECIDED, Optional.empty());
    }

    /** Whether the command is to come back later rather than be acknowledged: another consumer is at work on it. */
    public boolean deliverAgain() {
        return kind == Kind.BEING_DECIDED;
    }

    /** Whether the command named something that is not there to act on: worth a warning, not a retry. */
    public boolean ignored() {
        return kind == Kind.UNKNOWN_RESERVATION || kind == Kind.NOT_REQUESTED;
    }

    static AllocationOutcome unknown() {
        return new AllocationOutcome(Kind.UNKNOWN_RESERVATION, Optional.empty());
    }
}
