package com.medicarewizard.functions;

import java.time.Duration;
import java.util.Objects;

/**
 * The retrier of parked notifications, run on a schedule.
 *
 * @param function the function
 * @param every    how often it runs: at most this long after an operator's "retry now", the retry happens
 * @param batch    the most due notifications one run tries
 */
public record ParkedRetrySpec(FunctionSpec function, PerRuntime<Duration> every, int batch) {

    public ParkedRetrySpec {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(every, "every");
        if (batch < 1) {
            throw new IllegalArgumentException("the batch must hold at least one notification");
        }
    }
}
