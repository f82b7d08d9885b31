package com.medicarewizard.intake;

/**
 * How far the change stream's consumer (the notifier) is behind: the age in seconds of the oldest
 * change not yet consumed. The runtime supplies it (the embedded change stream, or CloudWatch's
 * IteratorAge in AWS); {@link #NONE} when nothing is known.
 */
@FunctionalInterface
public interface StreamPosition {

    /** Reports no lag. */
    StreamPosition NONE = () -> 0;

    double oldestUnconsumedAgeSeconds();
}
