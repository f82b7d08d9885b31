package com.medicarewizard.performance.load;

import java.util.Arrays;
import java.util.Collection;

/**
 * Mean, nearest-rank percentiles and maximum of a set of durations in milliseconds. Nearest rank:
 * the p-th percentile of n sorted values is the value at rank ⌈p/100 × n⌉ (1-based), always one of
 * the measured values.
 */
record Latency(int count, double mean, long p50, long p90, long p95, long p99, long max) {

    static Latency of(Collection<Sample> samples) {
        return of(samples.stream().mapToLong(Sample::elapsedMillis).toArray());
    }

    static Latency of(long[] millis) {
        if (millis.length == 0) {
            return new Latency(0, 0, 0, 0, 0, 0, 0);
        }
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        return new Latency(sorted.length, Arrays.stream(sorted).average().orElse(0), percentile(sorted, 50),
                percentile(sorted, 90), percentile(sorted, 95), percentile(sorted, 99), sorted[sorted.length - 1]);
    }

    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }
}
