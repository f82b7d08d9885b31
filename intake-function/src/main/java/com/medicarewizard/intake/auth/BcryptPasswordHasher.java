package com.medicarewizard.intake.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * bcrypt (version 2a). Passwords longer than bcrypt's 72 bytes are first hashed with SHA-512, so
 * every character counts (plain bcrypt would silently ignore the rest).
 */
public final class BcryptPasswordHasher implements PasswordHasher {
    /** About 50-100 ms per hash on a Lambda: slow for guessing, quick enough for a log-in. */
    public static final int STANDARD_COST = 10;
    /**
     * The highest cost a stored hash is verified at (or this hasher's own, if higher): each step
     * doubles the work, so a crafted hash of cost 31 would hold a hashing thread for hours.
     */
    public static final int MAX_VERIFIED_COST = 12;
    private static final Pattern COST = Pattern.compile("\\$2[abxy]?\\$(\\d{2})\\$.*", Pattern.DOTALL);
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
        Matcher cost = COST.matcher(hash);
        if (cost.matches() && Integer.parseInt(cost.group(1)) > Math.max(MAX_VERIFIED_COST, this.cost)) {
            return false;
        }
        try {
            return BCrypt.verifyer(VERSION, LONG_PASSWORDS).verify(password.toCharArray(), hash.toCharArray()).verified;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
