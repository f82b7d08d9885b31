package com.medicarewizard.intake.auth;

/**
 * A slow, salted password hash; behind an interface so tests can use a cheap cost. An implementation
 * that queues hashes may refuse one with {@link BusyException} rather than let the queue grow.
 */
public interface PasswordHasher {

    String hash(String password);

    /** True when {@code password} matches {@code hash}; false (never an exception) for a malformed hash. */
    boolean verify(String password, String hash);

    /** Too many hashes are waiting already: the caller answers "try again shortly" instead of waiting longer. */
    final class BusyException extends RuntimeException {
        public BusyException() {
            super("too many password hashes waiting", null, false, false);
        }
    }
}
