package com.medicarewizard.domain.operations;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The operators' view of the pipeline at one instant: queue depth and in-flight requests, the age
 * of the oldest waiting request, dead letters, how long the allocator takes from request to
 * decision, how far the notifier is behind the stream (empty when not known: in AWS CloudWatch has
 * no point while the notifier is idle), and outcomes per minute.
 */
public record PipelineFigures(Instant at, long queueDepth, long inFlight, double oldestAgeSeconds, long deadLetters,
                              double allocatorLagSeconds, OptionalDouble streamLagSeconds, double confirmedPerMinute,
                              double rejectedPerMinute, long parkedNotifications) {
    public PipelineFigures {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(streamLagSeconds, "stream lag");
    }
}
