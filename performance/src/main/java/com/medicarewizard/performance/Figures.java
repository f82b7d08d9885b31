package com.medicarewizard.performance;

import java.util.Arrays;
import java.util.List;

/** Percentiles of a list of durations in nanoseconds, printed in milliseconds. */
record Figures(String name, long[] sortedNanos) {

    static Figures of(String name, List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new Figures(name, sorted);
    }

    double percentileMillis(double p) {
        int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
    }

    @Override
    public String toString() {
        return "%-44s n=%6d  p50=%8.3f ms  p90=%8.3f ms  p99=%8.3f ms  max=%8.3f ms".formatted(name,
                sortedNanos.length, percentileMillis(50), percentileMillis(90), percentileMillis(99),
                sortedNanos[sortedNanos.length - 1] / 1e6);
    }
}
