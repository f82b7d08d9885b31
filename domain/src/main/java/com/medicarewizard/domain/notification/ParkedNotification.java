package com.medicarewizard.domain.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A side effect that kept failing, set aside durably instead of blocking the stream or being
 * lost. A {@code retryable} one (the service was down, retries were exhausted) is tried again at
 * {@code nextAttemptAt} with a growing pause, at most {@link #MAX_ATTEMPTS} times; a permanent one
 * (a recipient the service refuses) waits for an operator. It holds no message body and only a
 * masked recipient: the message is rebuilt from the reservation when retried.
 */
public record ParkedNotification(NotificationKey key, String maskedRecipient, String reason, boolean retryable,
                                 int attempts, Instant parkedAt, Optional<Instant> nextAttemptAt) {
    /** Automatic attempts before a notification waits for an operator. */
    public static final int MAX_ATTEMPTS = 8;
    /** The recipient of a notification whose patient erased their account. */
    public static final String ERASED_RECIPIENT = "erased";

    public ParkedNotification {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(maskedRecipient, "masked recipient");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(parkedAt, "parked at");
        Objects.requireNonNull(nextAttemptAt, "next attempt at");
        if (attempts < 1) {
            throw new IllegalArgumentException("a parked notification was attempted at least once");
        }
        if (retryable != nextAttemptAt.isPresent()) {
            throw new IllegalArgumentException("exactly the retryable ones have a next attempt");
        }
    }

    /** Parks after a first failed attempt. */
    public static ParkedNotification first(NotificationKey key, String maskedRecipient, String reason,
                                           boolean retryable, Instant now, Duration firstPause) {
        return new ParkedNotification(key, maskedRecipient, reason, retryable, 1, now,
                retryable ? Optional.of(now.plus(firstPause)) : Optional.empty());
    }

    /**
     * After another failed attempt: the pause doubles each time; past {@link #MAX_ATTEMPTS}, or on
     * a permanent failure, no automatic attempt is left.
     */
    public ParkedNotification failedAgain(String why, boolean stillRetryable, Instant now, Duration firstPause) {
        int tried = attempts + 1;
        boolean again = stillRetryable && tried < MAX_ATTEMPTS;
        Duration pause = firstPause.multipliedBy(1L << Math.min(tried - 1, 20));
        return new ParkedNotification(key, maskedRecipient, why, again, tried, parkedAt,
                again ? Optional.of(now.plus(pause)) : Optional.empty());
    }

    /** After an attempt that repeating cannot help (a recipient refused, a reservation gone): it waits for an operator. */
    public ParkedNotification failedForGood(String why) {
        return new ParkedNotification(key, maskedRecipient, why, false, attempts + 1, parkedAt, Optional.empty());
    }

    /**
     * Its patient erased their account: kept for the operators without a recipient, never tried again (a
     * message to no one).
     */
    public ParkedNotification recipientErased() {
        return new ParkedNotification(key, ERASED_RECIPIENT, "the patient erased their account", false, attempts,
                parkedAt, Optional.empty());
    }

    /** Taken by a retrier for an attempt: not due again before {@code until}, unless the attempt ends first. */
    public ParkedNotification takenUntil(Instant until) {
        if (!retryable) {
            throw new IllegalArgumentException("only a retryable notification is taken for an attempt");
        }
        return new ParkedNotification(key, maskedRecipient, reason, true, attempts, parkedAt, Optional.of(until));
    }

    /** An operator asks for an attempt now (with a fresh budget of automatic attempts). */
    public ParkedNotification dueNow(Instant now) {
        return new ParkedNotification(key, maskedRecipient, reason, true, 1, parkedAt, Optional.of(now));
    }
}
