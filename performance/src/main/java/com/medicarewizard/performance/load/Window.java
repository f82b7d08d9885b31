package com.medicarewizard.performance.load;

import java.util.Collection;

/** A scenario's measured window: from the first sample's start to the last sample's end (epoch ms). */
record Window(long startMillis, long endMillis) {

    static Window of(Collection<Sample> samples) {
        long start = samples.stream().mapToLong(Sample::startMillis).min().orElse(0);
        long end = samples.stream().mapToLong(Sample::endMillis).max().orElse(start);
        return new Window(start, end);
    }

    double seconds() {
        return (endMillis - startMillis) / 1000.0;
    }

    /** {@code count} over the window; 0 for an empty window. */
    double perSecond(long count) {
        return seconds() <= 0 ? 0 : count / seconds();
    }
}
