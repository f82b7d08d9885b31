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

    /**
     * A patience given in the environment ({@code MCW_SWEEP_AFTER_SECONDS}), refused when it is not
     * longer than the queue's visibility timeout: the sweeper would send again requests still being decided.
     */
    public static Duration checkedPatience(Duration patience, Duration visibilityTimeout) {
        if (patience.compareTo(visibilityTimeout) <= 0) {
            throw new IllegalArgumentException("MCW_SWEEP_AFTER_SECONDS must be longer than the reservation queue's "
                    + "visibility timeout (" + visibilityTimeout.toSeconds() + " s), else requests still being "
                    + "decided are sent again");
        }
        return patience;
    }
}
