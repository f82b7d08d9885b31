package com.medicarewizard.domain.operations;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The operators' view of the pipeline at one instant: queue depth and in-flight requests, the age
 * of the oldest waiting request, dead letters, how long the allocator takes from request to
 * decision, how far the notifier is behind the stream (empty when not known: in AWS CloudWatch has
 * no point while the notifier is idle), outcomes per minute, and the most requests waiting for a
 * decision at once over the last {@link #PEAK_SPAN} ({@link WaitingPeak}: a burst drained between two
 * reads is still seen).
 */
public record PipelineFigures(Instant at, long queueDepth, long inFlight, double oldestAgeSeconds, long deadLetters,
                              double allocatorLagSeconds, OptionalDouble streamLagSeconds, double confirmedPerMinute,
                              double rejectedPerMinute, long parkedNotifications, long waitingPeak) {
    /** How far back {@link #waitingPeak} looks: longer than the operator page's 3 s between reads. */
    public static final java.time.Duration PEAK_SPAN = java.time.Duration.ofSeconds(10);

    public PipelineFigures {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(streamLagSeconds, "stream lag");
    }

    /** With the peak of waiting requests not known apart: those waiting now, queued or being decided. */
    public PipelineFigures(Instant at, long queueDepth, long inFlight, double oldestAgeSeconds, long deadLetters,
                           double allocatorLagSeconds, OptionalDouble streamLagSeconds, double confirmedPerMinute,
                           double rejectedPerMinute, long parkedNotifications) {
        this(at, queueDepth, inFlight, oldestAgeSeconds, deadLetters, allocatorLagSeconds, streamLagSeconds,
                confirmedPerMinute, rejectedPerMinute, parkedNotifications, queueDepth + inFlight);
    }
}
