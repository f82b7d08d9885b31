package com.medicarewizard.port;

import com.medicarewizard.domain.reservation.Reservation;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Waiting for a stored reservation to change: what lets {@code GET /api/v1/reservations/{id}} with
 * {@code Prefer: wait=N} answer as soon as the allocator decides, instead of the patient's page
 * asking again and again (docs/adr/0010). Embedded, the table's change stream wakes the waiter once
 * the change is durable; in AWS the adapter reads the item again at growing intervals.
 *
 * <p>Waits are measured on a monotonic clock ({@link Duration}s, not instants): a caller's clock
 * may be fixed (tests) or jump, a wait may not.
 */
public interface ReservationChanges {

    /** No waiting at all: every call answers {@code seen} at once, not waited. For runtimes that cannot wait. */
    ReservationChanges NONE = (seen, within) -> Awaited.notWaited(seen);

    /**
     * Waits at most {@code within} for the reservation {@code seen.id()} to be stored other than
     * {@code seen} (any field: status, cancel request, version), and answers it as stored then: at
     * once when it differs already, else when it changes, else once {@code within} has passed.
     * Changes that leave the reservation alone (the sweeper's and the allocator's bookkeeping)
     * do not end the wait.
     *
     * @return what was found, and whether it was waited for: an adapter that cannot take one more
     *     waiter (each holds memory or a connection) answers {@code seen} at once, not waited
     * @throws InterruptedException when the caller's thread is interrupted (its invocation is over)
     */
    Awaited awaitChange(Reservation seen, Duration within) throws InterruptedException;

    /**
     * Waits at most {@code within} until {@code seen}, just read, is durable, and answers the
     * reservation as it is durably stored then: a read may show a write whose force is still under
     * way (the allocator forces its decisions at the end of its batch), and a patient who waits must
     * never be told of a decision a power loss could take back. Once {@code within} has passed with
     * the change still not durable, answers what was durable before it. By default {@code seen} at
     * once: for stores whose reads show only acknowledged, durable writes (DynamoDB).
     *
     * @throws InterruptedException when the caller's thread is interrupted (its invocation is over)
     */
    default Awaited awaitDurable(Reservation seen, Duration within) throws InterruptedException {
        return Awaited.found(Optional.of(seen));
    }

    /**
     * What a wait ended with.
     *
     * @param waited      false when the adapter refused to wait (too many waiting): the answer is {@code seen}
     * @param reservation the reservation as stored when the wait ended; empty when it no longer exists
     */
    record Awaited(boolean waited, Optional<Reservation> reservation) {
        public Awaited {
            Objects.requireNonNull(reservation, "reservation");
        }

        /** The wait ended (changed or not) with {@code current} stored. */
        public static Awaited found(Optional<Reservation> current) {
            return new Awaited(true, current);
        }

        /** No wait: {@code seen} is the answer. */
        public static Awaited notWaited(Reservation seen) {
            return new Awaited(false, Optional.of(seen));
        }
    }
}
