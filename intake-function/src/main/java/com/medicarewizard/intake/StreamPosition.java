package com.medicarewizard.intake;

import java.util.OptionalDouble;
import java.util.function.DoubleSupplier;

/**
 * How far the change stream's consumer (the notifier) is behind: the age in seconds of the oldest
 * change not yet consumed. The runtime supplies it: the embedded change stream knows it; in AWS it is
 * the notifier's {@code IteratorAge} read from CloudWatch, which has no point while the notifier is
 * not invoked or when CloudWatch cannot be read — then the lag is unknown (empty), which the figures
 * say as such rather than as 0.
 */
@FunctionalInterface
public interface StreamPosition {

    /** Nothing known. */
    StreamPosition NONE = OptionalDouble::empty;

    OptionalDouble oldestUnconsumedAgeSeconds();

    /** A position always known, e.g. the embedded change stream's. */
    static StreamPosition known(DoubleSupplier seconds) {
        return () -> OptionalDouble.of(seconds.getAsDouble());
    }
}
