package com.medicarewizard.intake;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The intake function's settings, read once per container.
 *
 * @param opsToken the operators' bearer token; without one the operator endpoint is refused entirely
 * @param tokenTtl how long a patient's access token lives
 * @param throttle when log-ins are refused without checking the password
 */
public record IntakeConfig(Optional<String> opsToken, Duration tokenTtl, Throttle throttle) {
    static final int MIN_OPS_TOKEN_LENGTH = 16;

    /**
     * Login throttling: at least {@code accountFailures} failures for one account, or
     * {@code addressFailures} from one client address, within {@code window} refuse further tries
     * until the oldest counted failure leaves the window. Guessing stays slow for an attacker
     * while a patient who mistyped is held up for minutes at most.
     */
    public record Throttle(int accountFailures, int addressFailures, Duration window) {
        public Throttle {
            Objects.requireNonNull(window, "window");
            if (accountFailures < 1 || addressFailures < 1 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("throttle limits and window must be positive");
            }
        }

        public static Throttle standard() {
            return new Throttle(5, 20, Duration.ofMinutes(15));
        }
    }

    public IntakeConfig {
        Objects.requireNonNull(opsToken, "ops token");
        Objects.requireNonNull(tokenTtl, "token ttl");
        Objects.requireNonNull(throttle, "throttle");
        if (opsToken.isPresent() && opsToken.get().length() < MIN_OPS_TOKEN_LENGTH) {
            throw new IllegalArgumentException("MCW_OPS_TOKEN must be at least " + MIN_OPS_TOKEN_LENGTH + " characters");
        }
        if (tokenTtl.compareTo(Duration.ofMinutes(1)) < 0 || tokenTtl.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("the token lifetime must be between 60 and 86400 seconds");
        }
    }

    /** No operator access, one-hour tokens, standard throttling. */
    public static IntakeConfig defaults() {
        return new IntakeConfig(Optional.empty(), Duration.ofHours(1), Throttle.standard());
    }

    /** Reads {@code MCW_OPS_TOKEN} (blank means none) and {@code MCW_TOKEN_TTL_SECONDS} (default 3600). */
    public static IntakeConfig fromEnvironment(Map<String, String> env) {
        Optional<String> ops = Optional.ofNullable(env.get("MCW_OPS_TOKEN")).map(String::strip).filter(s -> !s.isEmpty());
        String ttl = Optional.ofNullable(env.get("MCW_TOKEN_TTL_SECONDS")).map(String::strip).orElse("3600");
        long seconds;
        try {
            seconds = Long.parseLong(ttl);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("MCW_TOKEN_TTL_SECONDS must be a whole number of seconds");
        }
        return new IntakeConfig(ops, Duration.ofSeconds(seconds), Throttle.standard());
    }
}
