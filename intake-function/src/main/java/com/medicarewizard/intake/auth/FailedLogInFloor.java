package com.medicarewizard.intake.auth;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The least time a failed log-in takes, counted from the start of its password check, so that its
 * answer does not tell which scheme the check ran. An unknown e-mail is checked against a dummy hash
 * of the current scheme (Argon2id, tens of milliseconds), a wrong password against the stored one,
 * which for an account not logged into since the upgrade is still bcrypt at cost 10 (about three
 * times slower): without a floor, a wrong password's timing would tell that an old account exists.
 * {@link #STANDARD} (300 ms) covers a bcrypt cost-10 verify (70-75 ms measured on one core, the
 * Argon2id dummy 25-29 ms) four times over, so a loaded machine still stays under it; a correct
 * log-in is never held. The wait happens on the request's own thread after the hasher has
 * answered, so it never holds a hashing thread.
 */
public final class FailedLogInFloor {
    /** 300 ms: a bcrypt cost-10 verify four times over. */
    public static final Duration STANDARD = Duration.ofMillis(300);
    private final Duration floor;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;

    /** How the wait is made; a test records it instead of waiting. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public FailedLogInFloor(Duration floor, LongSupplier nanoTime, Sleeper sleeper) {
        if (floor.isNegative()) {
            throw new IllegalArgumentException("a failed log-in's floor cannot be negative: " + floor);
        }
        this.floor = floor;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    /** {@code floor}, measured on the monotonic clock and waited with {@link Thread#sleep(Duration)}. */
    public static FailedLogInFloor of(Duration floor) {
        return new FailedLogInFloor(floor, System::nanoTime, Thread::sleep);
    }

    /** The start of a check, to hand to {@link #holdFrom(long)}. */
    public long start() {
        return nanoTime.getAsLong();
    }

    /**
     * Waits until the floor has passed since {@code started}; nothing when it already has. An
     * interrupted wait answers at once (keeping the interrupt): the process is stopping.
     */
    public void holdFrom(long started) {
        Duration left = floor.minusNanos(nanoTime.getAsLong() - started);
        if (left.isNegative() || left.isZero()) {
            return;
        }
        try {
            sleeper.sleep(left);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }
}
