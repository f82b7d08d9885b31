package com.medicarewizard.intake.auth;

import java.util.Optional;

/**
 * A secret the intake compares requests against (the operators' token), read where it is kept when it is needed: from the environment locally, from Secrets Manager in AWS
 * ({@link CachedSecret}). Empty when there is none or it cannot be read: whoever compares against it
 * then admits nobody.
 */
@FunctionalInterface
public interface Secret {

    /** No secret: nothing compares equal to it. */
    Secret NONE = Optional::empty;

    Optional<String> value();

    static Secret fixed(Optional<String> value) {
        return () -> value;
    }
}
