package com.medicarewizard.adapter.embedded;

import com.medicarewizard.adapter.embedded.table.ChangeStream;
import com.medicarewizard.adapter.embedded.table.StreamRecord;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.port.ReservationChanges;
import com.medicarewizard.port.Reservations;
import com.medicarewizard.table.Item;
import com.medicarewizard.table.Key;
import com.medicarewizard.table.layout.ReservationRecords;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link ReservationChanges} on the embedded table: a waiter is woken by the table's change stream
 * when a change of its reservation's item is published — once durable, never before, so a patient is
 * never told of a decision a power loss could take back — and answered that change's new image. No
 * thread of its own and no polling: the caller's thread (a virtual one, at the edge) parks until
 * the committer that makes the change readable wakes it.
 *
 * <p>A change made between the caller's read and this call is found by a read once the waiter is
 * registered: answered at once if its record is readable already, else waited for like any other
 * (its force is under way). A read showing a change whose force is under way ({@link #awaitDurable})
 * can always tell: the table streams a commit's records, unreadable until forced, before it applies
 * them to the items.
 *
 * <p>Bounded: at most {@code maxWaiters} wait at once (each holds one of the edge's requests under
 * way); one more is answered at once, not waited, and its client polls.
 */
public final class StreamedReservationChanges implements ReservationChanges {
    private final ChangeStream stream;
    private final Reservations reservations;
    private final int maxWaiters;
    private final Map<Key, Set<Waiter>> waiters = new ConcurrentHashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();

    /**
     * @param stream       the change stream of the table {@code reservations} is stored in
     * @param reservations the reservations, read once as a wait begins
     * @param maxWaiters   how many may wait at once (at least 1)
     */
    public StreamedReservationChanges(ChangeStream stream, Reservations reservations, int maxWaiters) {
        this.stream = Objects.requireNonNull(stream, "stream");
        this.reservations = Objects.requireNonNull(reservations, "reservations");
        if (maxWaiters < 1) {
            throw new IllegalArgumentException("at least one waiter");
        }
        this.maxWaiters = maxWaiters;
        stream.onPublished(this::published);
    }

    @Override
    public Awaited awaitChange(Reservation seen, Duration within) throws InterruptedException {
        if (waiting.incrementAndGet() > maxWaiters) {
            waiting.decrementAndGet();
            return Awaited.notWaited(seen);
        }
        return watching(seen, waiter -> {
            // registered first, then read: a change made after the caller's read is either seen here or wakes us
            Key key = ReservationRecords.key(seen.id());
            Optional<Reservation> current = reservations.find(seen.id());
            if (!current.equals(Optional.of(seen)) && stream.unpublished(key)) {
                current = Optional.of(seen);
            }
            long end = System.nanoTime() + within.toNanos();
            while (current.isPresent() && current.get().equals(seen)) {
                if (!waiter.awoken(end)) {
                    break;
                }
                current = waiter.latest.map(ReservationRecords::reservation);
            }
            return Awaited.found(current);
        });
    }

    /**
     * Answers once no change of the reservation's item awaits its force, with the newest published
     * image ({@code seen} when none was published meanwhile); past {@code within}, the image durable
     * before the first change still unforced. Not bounded by {@code maxWaiters}: a force takes
     * milliseconds, and a patient must never be told of a decision a power loss could take back.
     */
    @Override
    public Awaited awaitDurable(Reservation seen, Duration within) throws InterruptedException {
        Key key = ReservationRecords.key(seen.id());
        if (!stream.unpublished(key)) {
            return Awaited.found(Optional.of(seen));
        }
        waiting.incrementAndGet();
        return watching(seen, waiter -> {
            long end = System.nanoTime() + within.toNanos();
            // registered first, then looked: a force completed meanwhile is either seen here or wakes us
            while (true) {
                // the item as stored, then whether any change of it awaits its force: a commit is in the
                // stream before it is applied, so what was read is durable when nothing of it is unforced
                Optional<Reservation> stored = reservations.find(seen.id());
                Optional<StreamRecord> unforced = stream.firstUnpublished(key);
                if (unforced.isEmpty()) {
                    return Awaited.found(stored);
                }
                if (!waiter.awoken(end)) {
                    return Awaited.found(unforced.get().oldImage().map(ReservationRecords::reservation));
                }
            }
        });
    }

    /** A wait counted in {@link #waiting} already: registers its waiter, runs it, and always undoes both. */
    private Awaited watching(Reservation seen, Watch watch) throws InterruptedException {
        Key key = ReservationRecords.key(seen.id());
        Waiter waiter = new Waiter();
        try {
            waiters.compute(key, (k, set) -> {
                Set<Waiter> watching = set == null ? ConcurrentHashMap.newKeySet() : set;
                watching.add(waiter);
                return watching;
            });
            return watch.run(waiter);
        } finally {
            waiters.computeIfPresent(key, (k, set) -> set.remove(waiter) && set.isEmpty() ? null : set);
            waiting.decrementAndGet();
        }
    }

    @FunctionalInterface
    private interface Watch {
        Awaited run(Waiter waiter) throws InterruptedException;
    }

    /** How many wait now (for tests and figures). */
    public int waiting() {
        return waiting.get();
    }

    private void published(StreamRecord record) {
        Set<Waiter> watching = waiters.get(record.keys());
        if (watching != null) {
            watching.forEach(waiter -> waiter.wake(record.newImage()));
        }
    }

    /** One caller waiting: the newest published image of its item, and a signal for each. */
    private static final class Waiter {
        private final Semaphore signal = new Semaphore(0);
        private volatile Optional<Item> latest = Optional.empty();

        void wake(Optional<Item> image) {
            latest = image;
            signal.release();
        }

        /** Waits for the next wake until {@code end} ({@link System#nanoTime()}); false when none came in time. */
        boolean awoken(long end) throws InterruptedException {
            long left = end - System.nanoTime();
            if (left <= 0 || !signal.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                return false;
            }
            signal.drainPermits();
            return true;
        }
    }
}
