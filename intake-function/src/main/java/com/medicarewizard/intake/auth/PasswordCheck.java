package com.medicarewizard.intake.auth;

import com.medicarewizard.intake.http.Problems;

import java.util.Optional;
import java.util.UUID;

/**
 * The password check of a log-in, the same for patients and staff: a hash that would wait too long
 * for the hashing threads is refused (503) before the throttle's attempt is taken, so it costs the
 * caller nothing; an unknown account is checked against a dummy hash of the current scheme, and every
 * failed check answers no sooner than the {@link FailedLogInFloor} after it began, so neither the
 * answer nor its timing tells which accounts exist.
 */
public final class PasswordCheck {
    private final PasswordHasher hasher;
    private final FailedLogInFloor floor;
    private final String dummyHash;

    public PasswordCheck(PasswordHasher hasher, FailedLogInFloor floor) {
        this.hasher = hasher;
        this.floor = floor;
        this.dummyHash = hasher.hash(UUID.randomUUID().toString());
    }

    /** Refuses (503) a log-in whose hash would wait too long, before anything is counted against it. */
    public void admit() {
        try {
            hasher.admit();
        } catch (PasswordHasher.BusyException busy) {
            throw Problems.busyHashing(busy.retryAfterSeconds()).raise();
        }
    }

    /**
     * True when {@code password} matches the stored hash; an account without one (unknown, or without a
     * password yet) never matches, after the same work. A failed check is held to the floor; a check the
     * hashing threads could not take abandons the attempt (nothing counts) and answers 503.
     */
    public boolean matches(String password, Optional<String> storedHash, LoginThrottle.Attempt attempt) {
        long started = floor.start();
        boolean matches;
        try {
            matches = hasher.verify(password, storedHash.orElse(dummyHash)) && storedHash.isPresent();
        } catch (PasswordHasher.BusyException busy) {
            attempt.abandoned();
            throw Problems.busyHashing(busy.retryAfterSeconds()).raise();
        }
        if (!matches) {
            floor.holdFrom(started);
        }
        return matches;
    }

    /** The hash of a new password, or 503 when the hashing threads are too busy to take it now. */
    public String hashOf(String password) {
        try {
            hasher.admit();
            return hasher.hash(password);
        } catch (PasswordHasher.BusyException busy) {
            throw Problems.busyHashing(busy.retryAfterSeconds()).raise();
        }
    }
}
