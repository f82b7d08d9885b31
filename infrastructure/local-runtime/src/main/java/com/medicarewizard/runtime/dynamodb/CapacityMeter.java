package com.medicarewizard.runtime.dynamodb;

import java.util.HashMap;
import java.util.Map;

/**
 * Running totals of the capacity units an endpoint's calls would consume on DynamoDB (see
 * {@link CapacityTotals}), read while it runs and reset between the phases of a benchmark.
 * Thread-safe: a call adds to its operation's counters under one short lock, so that
 * {@link #totals()} never shows part of a call. Units are counted in halves (reads come in half
 * units, writes in whole ones), so the sums are exact.
 */
public final class CapacityMeter {

    private final Map<String, long[]> operations = new HashMap<>();

    private static final int CALLS = 0;
    private static final int READ_HALVES = 1;
    private static final int WRITE_HALVES = 2;
    private static final int INDEX_WRITE_HALVES = 3;

    CapacityMeter() {
    }

    /** Counts one call of {@code operation} that consumed {@code consumption}. */
    void charge(String operation, Consumption consumption) {
        long table = halves(consumption.table());
        long indexes = halves(consumption.onIndexes());
        synchronized (operations) {
            long[] counters = operations.computeIfAbsent(operation, o -> new long[4]);
            counters[CALLS]++;
            if (consumption.read()) {
                counters[READ_HALVES] += table + indexes;
            } else {
                counters[WRITE_HALVES] += table;
                counters[INDEX_WRITE_HALVES] += indexes;
            }
        }
    }

    /** The totals so far. */
    public CapacityTotals totals() {
        synchronized (operations) {
            Map<String, CapacityTotals.Operation> byOperation = new HashMap<>();
            long[] sum = new long[4];
            operations.forEach((name, counters) -> {
                byOperation.put(name, new CapacityTotals.Operation(counters[CALLS], units(counters[READ_HALVES]),
                        units(counters[WRITE_HALVES]), units(counters[INDEX_WRITE_HALVES])));
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += counters[i];
                }
            });
            return new CapacityTotals(units(sum[READ_HALVES]), units(sum[WRITE_HALVES]),
                    units(sum[INDEX_WRITE_HALVES]), byOperation);
        }
    }

    /** Starts counting from zero; answers the totals up to now. */
    public CapacityTotals reset() {
        synchronized (operations) {
            CapacityTotals totals = totals();
            operations.clear();
            return totals;
        }
    }

    private static long halves(double units) {
        return Math.round(units * 2);
    }

    private static double units(long halves) {
        return halves / 2.0;
    }
}
