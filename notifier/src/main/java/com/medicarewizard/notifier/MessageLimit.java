package com.medicarewizard.notifier;

import java.time.Duration;
import java.util.Objects;

/**
 * The per-recipient message limit: at most {@code perWindow} messages to one address on one channel
 * within any {@code window}. A message over it is not sent; it is parked for the operators (never
 * retried on its own), with the recipient masked, so a flood of outcomes cannot become a flood of
 * e-mails or paid text messages to one inbox or phone.
 */
public record MessageLimit(int perWindow, Duration window) {

    /** Enough for a patient's busiest hour: ten bookings confirmed, or cancelled, one after another. */
    public static final int STANDARD_PER_HOUR = 10;

    public MessageLimit {
        Objects.requireNonNull(window, "window");
        if (perWindow < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a message limit needs at least one message and a positive window");
        }
    }

    public static MessageLimit perHour(int messages) {
        return new MessageLimit(messages, Duration.ofHours(1));
    }

    /** Why a message over the limit was not sent, as operators read it. */
    String reason() {
        return "message limit: " + perWindow + " per " + window.toMinutes() + " min to this recipient";
    }
}
