package com.medicarewizard.domain.operations;

import java.time.Instant;

/**
 * The operators' view of the pipeline at one instant: queue depth and in-flight requests, the age
 * of the oldest waiting request, dead letters, how long the allocator takes from request to
 * decision, how far the notifier is behind the stream, and outcomes per minute.
 */
public record PipelineFigures(Instant at, long queueDepth, long inFlight, double oldestAgeSeconds, long deadLetters,
                              double allocatorLagSeconds, double streamLagSeconds, double confirmedPerMinute,
                              double rejectedPerMinute, long parkedNotifications) {
}
