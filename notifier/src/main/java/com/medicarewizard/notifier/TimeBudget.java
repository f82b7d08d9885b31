package com.medicarewizard.notifier;

import com.amazonaws.services.lambda.runtime.Context;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * What is left of an invocation's time, read from Lambda's {@link Context#getRemainingTimeInMillis()}
 * whenever asked. The notifier starts a side effect only while the budget still holds the longest
 * that side effect can take ({@link GuardedCalls#worstCase()}), so it returns before Lambda stops
 * it: a function killed at its timeout has its whole batch delivered again and reports nothing of
 * what it finished.
 */
public final class TimeBudget {
    private static final TimeBudget UNLIMITED = new TimeBudget(() -> Long.MAX_VALUE);
    private final LongSupplier remainingMillis;

    private TimeBudget(LongSupplier remainingMillis) {
        this.remainingMillis = remainingMillis;
    }

    /** The time left of the invocation {@code context} belongs to. */
    public static TimeBudget of(Context context) {
        Objects.requireNonNull(context, "context");
        return new TimeBudget(context::getRemainingTimeInMillis);
    }

    /** No deadline: callers outside a Lambda invocation (tests, an operator's request handled in full). */
    public static TimeBudget unlimited() {
        return UNLIMITED;
    }

    /** Whether {@code needed} still fits in what is left. */
    boolean allows(Duration needed) {
        return remainingMillis.getAsLong() >= needed.toMillis();
    }

    Duration remaining() {
        return Duration.ofMillis(remainingMillis.getAsLong());
    }

    /** The budget ran out before a side effect could start: the caller stops and hands the rest back. */
    static final class Exhausted extends RuntimeException {
        Exhausted(String what, Duration needed, Duration left) {
            super(what + " not started: it may take " + needed.toMillis() + " ms, " + left.toMillis() + " ms left",
                    null, false, false);
        }
    }
}
