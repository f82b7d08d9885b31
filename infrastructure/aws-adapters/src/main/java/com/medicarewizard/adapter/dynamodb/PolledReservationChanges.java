package com.medicarewizard.adapter.dynamodb;

import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.port.ReservationChanges;
import com.medicarewizard.port.Reservations;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * {@link ReservationChanges} in AWS: DynamoDB pushes nothing to a Lambda serving one request (its
 * stream goes to the notifier), so the waiting intake reads the reservation's item again — a
 * strongly consistent {@code GetItem} through {@link Reservations#find} (docs/adr/0010 says why) —
 * first at once, then after 100 ms, each pause half as long again as the last, up to 1 s apart:
 * a decision made within the allocator's usual fraction of a second is seen within about 100–200 ms,
 * and a 20 s wait costs some 25 reads rather than 200. It never pauses past {@code within}, which the
 * caller has already fitted to the invocation's remaining time.
 *
 * <p>A Lambda container serves one request at a time, so there is no count of waiters to bound: each
 * waiter is its own invocation, and API Gateway's and Lambda's concurrency limits bound those.
 */
public final class PolledReservationChanges implements ReservationChanges {
    /** The first pause: a decision usually takes tens of milliseconds once the request is dequeued. */
    static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    /** The longest pause: a late decision is seen within a second. */
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(1);
    private static final double GROWTH = 1.5;

    private final Reservations reservations;
    private final Pause pause;
    private final LongSupplier nanoTime;

    /** Pauses for a given time; a test's may only pretend to. */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    public PolledReservationChanges(Reservations reservations) {
        this(reservations, Thread::sleep, System::nanoTime);
    }

    /** With the pauses and the monotonic clock given (tests). */
    public PolledReservationChanges(Reservations reservations, Pause pause, LongSupplier nanoTime) {
        this.reservations = Objects.requireNonNull(reservations, "reservations");
        this.pause = Objects.requireNonNull(pause, "pause");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nano time");
    }

    @Override
    public Awaited awaitChange(Reservation seen, Duration within) throws InterruptedException {
        long end = nanoTime.getAsLong() + within.toNanos();
        Optional<Reservation> current = reservations.find(seen.id());
        long spacing = FIRST_PAUSE.toNanos();
        while (current.isPresent() && current.get().equals(seen)) {
            long left = end - nanoTime.getAsLong();
            if (left <= 0) {
                break;
            }
            pause.pause(Duration.ofNanos(Math.min(spacing, left)));
            current = reservations.find(seen.id());
            spacing = Math.min((long) (spacing * GROWTH), LONGEST_PAUSE.toNanos());
        }
        return Awaited.found(current);
    }
}
