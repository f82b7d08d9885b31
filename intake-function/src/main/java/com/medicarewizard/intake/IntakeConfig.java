package com.medicarewizard.intake;

import com.medicarewizard.domain.reservation.ActiveBookingsLimit;
import com.medicarewizard.intake.auth.FailedLogInFloor;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The intake function's settings, read once per container.
 *
 * @param opsToken the operators' bearer token; without one the operator endpoint is refused entirely
 * @param tokenTtl how long a patient's access token lives
 * @param limits the rate limits: log-ins, registrations, reservation requests
 * @param availabilityCache how long an availability answer is kept and shown again (0: not kept)
 * @param activeBookings how many bookings ahead a patient may hold (a request beyond them is refused at once)
 * @param failedLogInFloor the least time a failed log-in takes from the start of its check
 *     ({@link FailedLogInFloor#STANDARD}; not read from the environment: only tests that make many
 *     failed log-ins set another)
 */
public record IntakeConfig(Optional<String> opsToken, Duration tokenTtl, Limits limits, Duration availabilityCache,
                           ActiveBookingsLimit activeBookings, Duration failedLogInFloor) {
    static final int MIN_OPS_TOKEN_LENGTH = 16;
    /** Long enough to answer a crowd of visitors once, short enough that a patient rarely sees a taken start. */
    public static final Duration AVAILABILITY_CACHE = Duration.ofSeconds(1);
    static final Duration MAX_AVAILABILITY_CACHE = Duration.ofSeconds(60);

    public IntakeConfig {
        Objects.requireNonNull(opsToken, "ops token");
        Objects.requireNonNull(tokenTtl, "token ttl");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(availabilityCache, "availability cache");
        Objects.requireNonNull(activeBookings, "active bookings");
        Objects.requireNonNull(failedLogInFloor, "failed log-in floor");
        if (failedLogInFloor.isNegative()) {
            throw new IllegalArgumentException("a failed log-in's floor cannot be negative");
        }
        if (availabilityCache.isNegative() || availabilityCache.compareTo(MAX_AVAILABILITY_CACHE) > 0) {
            throw new IllegalArgumentException("MCW_AVAILABILITY_CACHE_MILLIS must be between 0 and 60000");
        }
        if (opsToken.isPresent() && opsToken.get().length() < MIN_OPS_TOKEN_LENGTH) {
            throw new IllegalArgumentException("MCW_OPS_TOKEN must be at least " + MIN_OPS_TOKEN_LENGTH + " characters");
        }
        if (tokenTtl.compareTo(Duration.ofMinutes(1)) < 0 || tokenTtl.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("the token lifetime must be between 60 and 86400 seconds");
        }
    }

    /** With the standard floor of a failed log-in. */
    public IntakeConfig(Optional<String> opsToken, Duration tokenTtl, Limits limits, Duration availabilityCache,
                        ActiveBookingsLimit activeBookings) {
        this(opsToken, tokenTtl, limits, availabilityCache, activeBookings, FailedLogInFloor.STANDARD);
    }

    /** With the standard limit of bookings ahead. */
    public IntakeConfig(Optional<String> opsToken, Duration tokenTtl, Limits limits, Duration availabilityCache) {
        this(opsToken, tokenTtl, limits, availabilityCache, ActiveBookingsLimit.standard());
    }

    public IntakeConfig withActiveBookings(ActiveBookingsLimit limit) {
        return new IntakeConfig(opsToken, tokenTtl, limits, availabilityCache, limit, failedLogInFloor);
    }

    /** With another floor for failed log-ins: for tests that make many, never for a deployment. */
    public IntakeConfig withFailedLogInFloor(Duration floor) {
        return new IntakeConfig(opsToken, tokenTtl, limits, availabilityCache, activeBookings, floor);
    }

    /** No operator access, one-hour tokens, the standard limits, availability answers kept for a second. */
    public static IntakeConfig defaults() {
        return new IntakeConfig(Optional.empty(), Duration.ofHours(1), Limits.standard(), AVAILABILITY_CACHE);
    }

    public IntakeConfig withLimits(Limits other) {
        return new IntakeConfig(opsToken, tokenTtl, other, availabilityCache, activeBookings, failedLogInFloor);
    }

    /** As {@link #fromEnvironment(Map, Duration)} with the one-hour tokens of {@link #defaults()}. */
    public static IntakeConfig fromEnvironment(Map<String, String> env) {
        return fromEnvironment(env, defaults().tokenTtl());
    }

    /**
     * Reads {@code MCW_OPS_TOKEN} (blank means none), {@code MCW_TOKEN_TTL_SECONDS} (default
     * {@code tokenTtl}: the deployments pass their function spec's), {@code MCW_AVAILABILITY_CACHE_MILLIS}
     * (default 1000; 0 keeps no answer) and the limits' ({@link Limits#fromEnvironment}).
     */
    public static IntakeConfig fromEnvironment(Map<String, String> env, Duration tokenTtl) {
        Optional<String> ops = Optional.ofNullable(env.get("MCW_OPS_TOKEN")).map(String::strip).filter(s -> !s.isEmpty());
        String ttl = Optional.ofNullable(env.get("MCW_TOKEN_TTL_SECONDS")).map(String::strip)
                .filter(s -> !s.isEmpty()).orElse(Long.toString(tokenTtl.toSeconds()));
        long seconds;
        try {
            seconds = Long.parseLong(ttl);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("MCW_TOKEN_TTL_SECONDS must be a whole number of seconds");
        }
        return new IntakeConfig(ops, Duration.ofSeconds(seconds), Limits.fromEnvironment(env), availabilityCache(env));
    }

    /** {@code MCW_AVAILABILITY_CACHE_MILLIS}: blank or absent means the default. */
    public static Duration availabilityCache(Map<String, String> env) {
        String text = Optional.ofNullable(env.get("MCW_AVAILABILITY_CACHE_MILLIS")).map(String::strip)
                .filter(s -> !s.isEmpty()).orElse(null);
        if (text == null) {
            return AVAILABILITY_CACHE;
        }
        try {
            return Duration.ofMillis(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("MCW_AVAILABILITY_CACHE_MILLIS must be a whole number of milliseconds");
        }
    }
}
