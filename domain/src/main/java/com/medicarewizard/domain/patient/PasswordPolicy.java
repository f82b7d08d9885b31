package com.medicarewizard.domain.patient;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Passwords as NIST SP 800-63B asks: at least 12 characters (up to 128, any characters), not a
 * commonly used or easily guessed one, not built from the account's own e-mail. No composition
 * rules and no expiry. The common list holds the frequent passwords that are long enough to pass
 * the length rule; shorter ones already fail it.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    private final Set<String> common;

    public PasswordPolicy(Set<String> commonPasswords) {
        this.common = Set.copyOf(commonPasswords.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList());
    }

    /** What is wrong with a password: a stable code for pages that word it themselves, and words for the API. */
    public enum Weakness {
        TOO_SHORT("must be at least " + MIN_LENGTH + " characters long"),
        TOO_LONG("must be at most " + MAX_LENGTH + " characters long"),
        TOO_COMMON("is too common or easy to guess; choose another"),
        CONTAINS_EMAIL("must not contain your e-mail address");

        private final String message;

        Weakness(String message) {
            this.message = message;
        }

        /** The name as the API writes it: {@code too-short}, {@code contains-email}... */
        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public String message() {
            return message;
        }
    }

    /** The problem with {@code password}, in words a patient understands, or empty when it is acceptable. */
    public Optional<String> problem(String password, String email) {
        return weakness(password, email).map(Weakness::message);
    }

    /** The first rule {@code password} breaks, or empty when it is acceptable. */
    public Optional<Weakness> weakness(String password, String email) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of(Weakness.TOO_SHORT);
        }
        if (length > MAX_LENGTH) {
            return Optional.of(Weakness.TOO_LONG);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower) || isRepetitive(lower)) {
            return Optional.of(Weakness.TOO_COMMON);
        }
        String local = email == null ? "" : email.toLowerCase(Locale.ROOT).split("@")[0];
        if (local.length() >= 4 && lower.contains(local)) {
            return Optional.of(Weakness.CONTAINS_EMAIL);
        }
        return Optional.empty();
    }

    /** One character repeated, a single run of consecutive characters (abcdef…, 1234567890…), or three characters or fewer. */
    private static boolean isRepetitive(String p) {
        boolean same = true;
        boolean sequence = true;
        for (int i = 1; i < p.length(); i++) {
            same &= p.charAt(i) == p.charAt(0);
            sequence &= p.charAt(i) == p.charAt(i - 1) + 1 || (p.charAt(i - 1) == '9' && p.charAt(i) == '0');
        }
        return same || sequence || p.chars().distinct().count() <= 3;
    }
}
