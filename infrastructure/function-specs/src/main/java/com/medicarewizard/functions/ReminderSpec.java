package com.medicarewizard.functions;

import java.time.Duration;
import java.util.Objects;

/**
 * The reminder function, invoked by one-time schedules (docs/adr/0018): in AWS EventBridge Scheduler
 * invokes it at each reminder's instant with the reminder as input; locally the embedded runtime's
 * schedule looks for due reminders every {@code localPollEvery} and invokes it the same way.
 *
 * @param function       the function
 * @param retryAttempts  how many more times Scheduler invokes it after a failed invocation (its target's
 *                       retry policy); locally a failed reminder stays in the schedule and is tried at
 *                       each poll until it succeeds or is past its use
 * @param maxEventAge    how long Scheduler keeps retrying one firing
 * @param localPollEvery how often the embedded schedule looks for due reminders: at most this late locally
 */
public record ReminderSpec(FunctionSpec function, int retryAttempts, Duration maxEventAge, Duration localPollEvery) {

    public ReminderSpec {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(maxEventAge, "max event age");
        Objects.requireNonNull(localPollEvery, "local poll");
        if (retryAttempts < 0 || retryAttempts > 185) {
            throw new IllegalArgumentException("Scheduler retries 0 to 185 times");
        }
        if (maxEventAge.compareTo(Duration.ofMinutes(1)) < 0 || maxEventAge.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("Scheduler keeps an event 1 min to 24 h");
        }
        if (localPollEvery.isNegative() || localPollEvery.isZero()) {
            throw new IllegalArgumentException("the local poll must be positive");
        }
    }
}
