package com.medicarewizard.functions;

import java.time.Duration;
import java.util.Objects;

/**
 * The sweeper of requests left PENDING, run on a schedule.
 *
 * @param function the function
 * @param every    how often it runs
 * @param patience how long a request stays PENDING before it is sent to the queue again, unless
 *                 {@code MCW_SWEEP_AFTER_SECONDS} says otherwise; longer than the queue's visibility
 *                 timeout, so that a request still being decided is not sent twice
 * @param batch    the most requests one run sends again
 */
public record SweeperSpec(FunctionSpec function, PerRuntime<Duration> every, PerRuntime<Duration> patience,
                          int batch) {

    public SweeperSpec {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(every, "every");
        Objects.requireNonNull(patience, "patience");
        if (batch < 1) {
            throw new IllegalArgumentException("the batch must hold at least one request");
        }
    }
}
