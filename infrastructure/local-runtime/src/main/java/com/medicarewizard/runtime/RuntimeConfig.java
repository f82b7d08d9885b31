package com.medicarewizard.runtime;

import com.medicarewizard.adapter.embedded.outbox.SmtpSettings;
import com.medicarewizard.domain.reservation.ActiveBookingsLimit;
import com.medicarewizard.functions.AbuseLimits;
import com.medicarewizard.functions.FunctionSpecs;
import com.medicarewizard.functions.QueueSource;
import com.medicarewizard.functions.SweeperSpec;
import com.medicarewizard.domain.limit.FixedWindow;
import com.medicarewizard.intake.IntakeConfig;
import com.medicarewizard.notifier.MessageLimit;
import com.medicarewizard.intake.Limits;
import com.medicarewizard.notifier.NotifierSettings;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import com.medicarewizard.notifier.WaitlistOffers;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The embedded runtime's configuration, read once from the environment; what the environment does
 * not set is the local value of {@link FunctionSpecs}.
 *
 * @param port              HTTP port of the edge ({@code MCW_PORT}, 8080; 0 picks a free one)
 * @param dataDirectory     where the queue and the table are kept ({@code MCW_DATA_DIR}, ./data)
 * @param intake            the intake's operator token, token lifetime, availability cache and bookings ahead
 *                          per patient ({@code MCW_OPS_TOKEN}, {@code MCW_TOKEN_TTL_SECONDS},
 *                          {@code MCW_AVAILABILITY_CACHE_MILLIS}, {@code MCW_MAX_ACTIVE_BOOKINGS}: the allocator's too)
 * @param sweepAfter        a request PENDING this long is sent to the queue again ({@code MCW_SWEEP_AFTER_SECONDS});
 *                          longer than the visibility timeout
 * @param sweepEvery        how often the sweeper runs
 * @param visibilityTimeout the reservation queue's visibility timeout
 * @param maxReceiveCount   receives before a message goes to the dead-letter queue ({@code MCW_MAX_RECEIVE_COUNT})
 * @param smtp              where e-mail goes besides the outbox ({@code MCW_SMTP_*}; none → the outbox only)
 * @param notifier          the notifier's retries, breakers, parking pauses and message limit
 *                          ({@code MCW_MAX_MESSAGES_PER_HOUR})
 * @param retryParkedEvery  how often due parked notifications are tried again
 * @param publicUrl         the website's address as its visitors reach it, which links in e-mails point to
 *                          ({@code MCW_PUBLIC_URL}; none → {@code http://localhost:<the edge's port>})
 * @param offerHold         how long an offer from the waitlist keeps its time for the patient (15 minutes)
 */
public record RuntimeConfig(int port, Path dataDirectory, IntakeConfig intake, Duration sweepAfter, Duration sweepEvery,
                            Duration visibilityTimeout, int maxReceiveCount, Optional<SmtpSettings> smtp,
                            NotifierSettings notifier, Duration retryParkedEvery, Optional<URI> publicUrl,
                            Duration offerHold) {

    public RuntimeConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("MCW_PORT must be a port number");
        }
        Objects.requireNonNull(intake, "intake");
        SweeperSpec.checkedPatience(sweepAfter, visibilityTimeout);
        if (maxReceiveCount < 1 || maxReceiveCount > 1000) {
            throw new IllegalArgumentException("MCW_MAX_RECEIVE_COUNT must be within 1..1000");
        }
        Objects.requireNonNull(smtp, "smtp");
        Objects.requireNonNull(notifier, "notifier");
        Objects.requireNonNull(publicUrl, "public url");
        if (!positive(offerHold)) {
            throw new IllegalArgumentException("an offer from the waitlist is held for a positive time");
        }
        if (!positive(sweepEvery) || !positive(retryParkedEvery)) {
            throw new IllegalArgumentException("the sweeper's and the parked notification retrier's periods must be positive");
        }
    }

    public static RuntimeConfig fromEnvironment(Map<String, String> env) {
        QueueSource queue = FunctionSpecs.ALLOCATOR.queue();
        AbuseLimits limits = FunctionSpecs.LIMITS.overriddenBy(env);
        return new RuntimeConfig(
                integer(env, "MCW_PORT", 8080),
                Path.of(env.getOrDefault("MCW_DATA_DIR", "data")).toAbsolutePath(),
                IntakeConfig.fromEnvironment(env, FunctionSpecs.INTAKE.tokenLifetime())
                        .withActiveBookings(new ActiveBookingsLimit(limits.activeBookingsPerPatient())),
                Duration.ofSeconds(integer(env, "MCW_SWEEP_AFTER_SECONDS",
                        Math.toIntExact(FunctionSpecs.SWEEPER.patience().local().toSeconds()))),
                FunctionSpecs.SWEEPER.every().local(),
                queue.visibilityTimeout().local(),
                integer(env, "MCW_MAX_RECEIVE_COUNT", queue.maxReceiveCount()),
                SmtpSettings.fromEnvironment(env),
                NotifierSettings.standard().withMessageLimit(MessageLimit.perHour(limits.messagesPerRecipientPerHour())),
                FunctionSpecs.PARKED_RETRY.every().local(),
                publicUrl(env.get("MCW_PUBLIC_URL")), WaitlistOffers.STANDARD_HOLD);
    }

    private static Optional<URI> publicUrl(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value.trim());
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    || uri.getQuery() != null || uri.getFragment() != null) {
                throw new URISyntaxException(value, "not an http(s) address");
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("MCW_PUBLIC_URL must be an http(s) address such as https://booking.example.org");
        }
    }

    /**
     * For tests: a free port, the given directory, time compressed (a 2-second visibility timeout, so
     * a redelivery or a dead letter comes in seconds, sweeps after 3 s), no SMTP, short notifier
     * back-offs (parked notifications retried after a second), the spec's token lifetime,
     * availability answers kept for a second and the standard limits, as in production — but for
     * registrations per client address: every test client is 127.0.0.1.
     */
    public static RuntimeConfig forTests(Path dataDirectory, String opsToken) {
        IntakeConfig intake = new IntakeConfig(Optional.of(opsToken), FunctionSpecs.INTAKE.tokenLifetime(),
                Limits.standard().withRegistrationsPerAddress(new FixedWindow(10_000, Duration.ofHours(1))),
                IntakeConfig.AVAILABILITY_CACHE);
        return new RuntimeConfig(0, dataDirectory, intake, Duration.ofSeconds(3), Duration.ofSeconds(1),
                Duration.ofSeconds(2), 3, Optional.empty(), new NotifierSettings(2, Duration.ofMillis(50),
                Duration.ofSeconds(2), Duration.ofSeconds(1)), Duration.ofMillis(500), Optional.empty(),
                WaitlistOffers.STANDARD_HOLD);
    }

    /** The bookings ahead a patient may hold: the intake answers with this limit, the allocator holds to it. */
    public ActiveBookingsLimit activeBookings() {
        return intake.activeBookings();
    }

    /** The same configuration sending e-mail over SMTP too. */
    /** The same, with requests re-sent by the sweeper only once PENDING for {@code after}. */
    public RuntimeConfig withSweepAfter(Duration after) {
        return new RuntimeConfig(port, dataDirectory, intake, after, sweepEvery, visibilityTimeout,
                maxReceiveCount, smtp, notifier, retryParkedEvery, publicUrl, offerHold);
    }

    /** The same, with offers from the waitlist held for {@code hold}: a test's lapse in seconds. */
    public RuntimeConfig withOfferHold(Duration hold) {
        return new RuntimeConfig(port, dataDirectory, intake, sweepAfter, sweepEvery, visibilityTimeout,
                maxReceiveCount, smtp, notifier, retryParkedEvery, publicUrl, hold);
    }

    public RuntimeConfig withSmtp(SmtpSettings settings) {
        return new RuntimeConfig(port, dataDirectory, intake, sweepAfter, sweepEvery, visibilityTimeout,
                maxReceiveCount, Optional.of(settings), notifier, retryParkedEvery, publicUrl, offerHold);
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
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
