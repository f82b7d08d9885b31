package com.medicarewizard.notifier;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard the notifier tries before it parks a side effect, and how many messages one recipient may get.
 *
 * @param attempts calls per side effect within one invocation (Resilience4j retry), 1 or more
 * @param firstBackOff the pause before the second call; it doubles with each call, ±50 % jitter
 * @param breakerOpenFor how long a channel's circuit breaker stays open once half its recent calls failed
 * @param firstParkPause when a parked side effect is first tried again; it doubles with each attempt
 * @param messageLimit the per-recipient message limit
 * @param callTimeout the longest one call to a sender can take, as its client is built (the AWS clients' call
 *     timeout, the SMTP client's); with the attempts and back-off it bounds one side effect, which the notifier
 *     starts only while the invocation's {@link TimeBudget} still holds that long
 */
public record NotifierSettings(int attempts, Duration firstBackOff, Duration breakerOpenFor, Duration firstParkPause,
                               MessageLimit messageLimit, Duration callTimeout) {
    /** The local SMTP client's connect, read and write timeouts ({@code SmtpMailer}). */
    public static final Duration STANDARD_CALL_TIMEOUT = Duration.ofSeconds(5);

    public NotifierSettings {
        Objects.requireNonNull(firstBackOff, "first back-off");
        Objects.requireNonNull(breakerOpenFor, "breaker open for");
        Objects.requireNonNull(firstParkPause, "first park pause");
        Objects.requireNonNull(messageLimit, "message limit");
        Objects.requireNonNull(callTimeout, "call timeout");
        if (attempts < 1 || firstBackOff.isNegative() || firstBackOff.isZero() || breakerOpenFor.isNegative()
                || breakerOpenFor.isZero() || firstParkPause.isNegative() || firstParkPause.isZero()
                || callTimeout.isNegative() || callTimeout.isZero()) {
            throw new IllegalArgumentException("attempts, pauses and the call timeout must be positive");
        }
    }

    /** With the standard message limit and call timeout. */
    public NotifierSettings(int attempts, Duration firstBackOff, Duration breakerOpenFor, Duration firstParkPause) {
        this(attempts, firstBackOff, breakerOpenFor, firstParkPause,
                MessageLimit.perHour(MessageLimit.STANDARD_PER_HOUR), STANDARD_CALL_TIMEOUT);
    }

    /**
     * Three calls 200 ms apart and growing, a breaker open for 30 s, a first retry of parked ones after
     * 30 s, ten messages an hour per recipient and channel, calls of at most 5 s.
     */
    public static NotifierSettings standard() {
        return new NotifierSettings(3, Duration.ofMillis(200), Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    public NotifierSettings withMessageLimit(MessageLimit limit) {
        return new NotifierSettings(attempts, firstBackOff, breakerOpenFor, firstParkPause, limit, callTimeout);
    }

    /** With the call timeout the senders' clients are built with. */
    public NotifierSettings withCallTimeout(Duration timeout) {
        return new NotifierSettings(attempts, firstBackOff, breakerOpenFor, firstParkPause, messageLimit, timeout);
    }
}
