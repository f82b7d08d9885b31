package com.medicarewizard.runtime;

import com.medicarewizard.adapter.embedded.outbox.SmtpSettings;
import com.medicarewizard.intake.IntakeConfig;
import com.medicarewizard.notifier.NotifierSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The embedded runtime's configuration, read once from the environment.
 *
 * @param port             HTTP port of the edge ({@code MCW_PORT}, 8080; 0 picks a free one)
 * @param dataDirectory    where the queue and the table are kept ({@code MCW_DATA_DIR}, ./data)
 * @param opsToken         bearer token of the operator endpoint ({@code MCW_OPS_TOKEN}; none → refused)
 * @param sweepAfter       a request PENDING this long is sent to the queue again ({@code MCW_SWEEP_AFTER_SECONDS}, 30)
 * @param visibilityTimeout the reservation queue's visibility timeout (6 × the allocator's timeout)
 * @param maxReceiveCount  receives before a message goes to the dead-letter queue ({@code MCW_MAX_RECEIVE_COUNT}, 5)
 * @param smtp             where e-mail goes besides the outbox ({@code MCW_SMTP_*}; none → the outbox only)
 * @param notifier         the notifier's retries, breakers and parking pauses
 * @param retryParkedEvery how often due parked notifications are tried again
 * @param availabilityCache how long the intake keeps an availability answer ({@code MCW_AVAILABILITY_CACHE_MILLIS}, 1000; 0 keeps none)
 */
public record RuntimeConfig(int port, Path dataDirectory, Optional<String> opsToken, Duration sweepAfter,
                            Duration visibilityTimeout, int maxReceiveCount, Optional<SmtpSettings> smtp,
                            NotifierSettings notifier, Duration retryParkedEvery, Duration availabilityCache) {
    /** The allocator's function timeout; the queue's visibility timeout is six times it, as AWS advises. */
    public static final Duration ALLOCATOR_TIMEOUT = Duration.ofSeconds(5);

    public RuntimeConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("MCW_PORT must be a port number");
        }
        if (sweepAfter.isNegative() || sweepAfter.isZero()) {
            throw new IllegalArgumentException("MCW_SWEEP_AFTER_SECONDS must be positive");
        }
        if (maxReceiveCount < 1) {
            throw new IllegalArgumentException("MCW_MAX_RECEIVE_COUNT must be at least 1");
        }
        java.util.Objects.requireNonNull(smtp, "smtp");
        java.util.Objects.requireNonNull(notifier, "notifier");
        if (retryParkedEvery.isNegative() || retryParkedEvery.isZero()) {
            throw new IllegalArgumentException("the parked notification retry period must be positive");
        }
        java.util.Objects.requireNonNull(availabilityCache, "availability cache");
    }

    public static RuntimeConfig fromEnvironment(Map<String, String> env) {
        return new RuntimeConfig(
                integer(env, "MCW_PORT", 8080),
                Path.of(env.getOrDefault("MCW_DATA_DIR", "data")).toAbsolutePath(),
                Optional.ofNullable(env.get("MCW_OPS_TOKEN")).filter(t -> !t.isBlank()),
                Duration.ofSeconds(integer(env, "MCW_SWEEP_AFTER_SECONDS", 30)),
                ALLOCATOR_TIMEOUT.multipliedBy(6),
                integer(env, "MCW_MAX_RECEIVE_COUNT", 5),
                SmtpSettings.fromEnvironment(env),
                NotifierSettings.standard(),
                Duration.ofSeconds(5),
                IntakeConfig.availabilityCache(env));
    }

    /**
     * For tests: a free port, the given directory, quick sweeps, a 2-second visibility timeout, no
     * SMTP, short notifier back-offs (parked notifications retried after a second), availability
     * answers kept for a second as in production.
     */
    public static RuntimeConfig forTests(Path dataDirectory, String opsToken) {
        return new RuntimeConfig(0, dataDirectory, Optional.of(opsToken), Duration.ofSeconds(2),
                Duration.ofSeconds(2), 3, Optional.empty(), new NotifierSettings(2, Duration.ofMillis(50),
                Duration.ofSeconds(2), Duration.ofSeconds(1)), Duration.ofMillis(500), IntakeConfig.AVAILABILITY_CACHE);
    }

    /** The same configuration sending e-mail over SMTP too. */
    public RuntimeConfig withSmtp(SmtpSettings settings) {
        return new RuntimeConfig(port, dataDirectory, opsToken, sweepAfter, visibilityTimeout, maxReceiveCount,
                Optional.of(settings), notifier, retryParkedEvery, availabilityCache);
    }

    private static int integer(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
        }
    }
}
