package com.medicarewizard.runtime.dynamodb;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * An extra delay added to a call of the endpoint: fixed, or drawn from a distribution — for a slow
 * table, and for one whose few slow calls (the tail) are what a test or a benchmark is about.
 */
@FunctionalInterface
public interface Latency {

    /** The delay of one call. */
    Duration next(RandomGenerator random);

    /** Always {@code delay}. */
    static Latency fixed(Duration delay) {
        requireNotNegative(delay);
        return random -> delay;
    }

    /** Uniform between {@code min} and {@code max}. */
    static Latency uniform(Duration min, Duration max) {
        requireNotNegative(min);
        if (max.compareTo(min) < 0) {
            throw new IllegalArgumentException("max " + max + " is below min " + min);
        }
        long span = max.toNanos() - min.toNanos();
        return random -> min.plusNanos(span == 0 ? 0 : random.nextLong(span + 1));
    }

    /**
     * Log-normal with this median and 99th percentile: most calls near the median, a long tail
     * above it — the shape of a real service's latency.
     */
    static Latency logNormal(Duration median, Duration p99) {
        requireNotNegative(median);
        if (median.isZero() || p99.compareTo(median) < 0) {
            throw new IllegalArgumentException("a log-normal latency needs 0 < median <= p99");
        }
        double mu = Math.log(median.toNanos());
        // the 99th percentile of a standard normal distribution
        double sigma = (Math.log(p99.toNanos()) - mu) / 2.326347874;
        return random -> Duration.ofNanos((long) Math.exp(mu + sigma * random.nextGaussian()));
    }

    /** {@code base} for most calls, {@code tail} for a fraction {@code tailShare} (0..1) of them. */
    static Latency withTail(Duration base, double tailShare, Duration tail) {
        requireNotNegative(base);
        requireNotNegative(tail);
        if (!(tailShare >= 0 && tailShare <= 1)) {
            throw new IllegalArgumentException("tail share must be within 0..1, not " + tailShare);
        }
        return random -> random.nextDouble() < tailShare ? tail : base;
    }

    private static void requireNotNegative(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("a latency cannot be negative: " + delay);
        }
    }
}
