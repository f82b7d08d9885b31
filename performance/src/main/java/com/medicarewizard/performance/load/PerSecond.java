package com.medicarewizard.performance.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** A scenario's samples cut into one-second buckets by their start, counted from the window's start. */
final class PerSecond {
    private PerSecond() {
    }

    /** The nearest-rank {@code p}-th percentile of each second's matching samples (seconds without any are absent). */
    static Map<Integer, Long> percentile(List<Sample> samples, long startMillis, Predicate<Sample> which, double p) {
        Map<Integer, List<Long>> buckets = new TreeMap<>();
        for (Sample s : samples) {
            if (which.test(s)) {
                buckets.computeIfAbsent(second(s, startMillis), k -> new ArrayList<>()).add(s.elapsedMillis());
            }
        }
        Map<Integer, Long> result = new TreeMap<>();
        buckets.forEach((second, millis) -> result.put(second,
                Latency.percentile(millis.stream().mapToLong(Long::longValue).sorted().toArray(), p)));
        return result;
    }

    /** How many matching samples started in each second up to the last start, 0 where none did. */
    static long[] count(List<Sample> samples, Window window, Predicate<Sample> which) {
        int seconds = samples.stream().mapToInt(s -> second(s, window.startMillis())).max().orElse(-1) + 1;
        long[] counts = new long[seconds];
        for (Sample s : samples) {
            if (which.test(s)) {
                counts[second(s, window.startMillis())]++;
            }
        }
        return counts;
    }

    private static int second(Sample s, long startMillis) {
        return (int) ((s.startMillis() - startMillis) / 1000);
    }
}
