package com.medicarewizard.domain.limit;

import java.time.Instant;
import java.util.Objects;

/**
 * How much of one subject's allowance is in use: {@code used} uses counted since {@code since}, and
 * the next use allowed from {@code next} on. A {@link RatePolicy} reads and writes it; a
 * {@link com.medicarewizard.port.RateLimits} store keeps it per subject.
 */
public record Allowance(long used, Instant since, Instant next) {

    public Allowance {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(next, "next");
        if (used < 0) {
            throw new IllegalArgumentException("uses cannot be negative");
        }
    }

    /** Nothing used yet, at {@code now}. */
    public static Allowance fresh(Instant now) {
        return new Allowance(0, now, now);
    }
}
