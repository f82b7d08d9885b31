package com.medicarewizard.intake.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategy;

/**
 * bcrypt (version 2a). Passwords longer than bcrypt's 72 bytes are first hashed with SHA-512, so
 * every character counts (plain bcrypt would silently ignore the rest).
 */
public final class BcryptPasswordHasher implements PasswordHasher {
    /** About 50-100 ms per hash on a Lambda: slow for guessing, quick enough for a log-in. */
    public static final int STANDARD_COST = 10;
    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2A;
    private static final LongPasswordStrategy LONG_PASSWORDS = LongPasswordStrategies.hashSha512(VERSION);
    private final int cost;

    public BcryptPasswordHasher(int cost) {
        if (cost < BCrypt.MIN_COST || cost > BCrypt.MAX_COST) {
            throw new IllegalArgumentException("bcrypt cost must be between " + BCrypt.MIN_COST + " and " + BCrypt.MAX_COST);
        }
        this.cost = cost;
    }

    public static BcryptPasswordHasher standard() {
        return new BcryptPasswordHasher(STANDARD_COST);
    }

    @Override
    public String hash(String password) {
        return BCrypt.with(VERSION, LONG_PASSWORDS).hashToString(cost, password.toCharArray());
    }

    @Override
    public boolean verify(String password, String hash) {
        try {
            return BCrypt.verifyer(VERSION, LONG_PASSWORDS).verify(password.toCharArray(), hash.toCharArray()).verified;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
