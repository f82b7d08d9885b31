package com.medicarewizard.intake.auth;

import java.time.Duration;

/**
 * A slow, salted password hash; behind an interface so tests can use a cheap cost. An implementation
 * that queues hashes may refuse one with {@link BusyException} rather than let the queue grow.
 */
public interface PasswordHasher {

    String hash(String password);

    /** True when {@code password} matches {@code hash}; false (never an exception) for a malformed hash. */
    boolean verify(String password, String hash);

    /**
     * True when {@code hash} verifies but is not of the current scheme and strength: once the password
     * is known to be right, the caller stores {@link #hash} of it instead.
     */
    default boolean needsRehash(String hash) {
        return false;
    }

    /**
     * Refuses with {@link BusyException} at once when a hash asked for now would wait too long, so a
     * caller can check before it spends anything (such as a log-in attempt) on a hash it cannot have.
     */
    default void admit() {
    }

    /** Too many hashes are waiting already: the caller answers "try again shortly" instead of waiting longer. */
    final class BusyException extends RuntimeException {
        private final Duration retryAfter;

        public BusyException() {
            this(Duration.ofSeconds(1));
        }

        /** @param retryAfter about how long until the backlog has gone */
        public BusyException(Duration retryAfter) {
            super("too many password hashes waiting", null, false, false);
            this.retryAfter = retryAfter;
        }

        /** Whole seconds, at least 1, for {@code Retry-After}. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }
}
