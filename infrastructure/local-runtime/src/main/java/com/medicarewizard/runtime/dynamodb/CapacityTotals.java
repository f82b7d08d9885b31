package com.medicarewizard.runtime.dynamodb;

import java.util.Map;

/**
 * The capacity units an endpoint's calls would have consumed on DynamoDB since it started (or was
 * last reset), by {@link CapacityUnits DynamoDB's rules}: read units (a query on an index
 * included), write units on the table, and write units on the global secondary indexes that the
 * writes maintained — in all and per operation ({@code "GetItem"}, {@code "Query"},
 * {@code "TransactWriteItems"}…). A call counts once it reached the table: a failed condition or a
 * cancelled transaction counts (DynamoDB charges them), a refused request (validation, throttling)
 * does not. Immutable.
 */
public record CapacityTotals(double readUnits, double writeUnits, double indexWriteUnits,
                             Map<String, Operation> operations) {

    /** One operation's calls and units. */
    public record Operation(long calls, double readUnits, double writeUnits, double indexWriteUnits) {

        static final Operation NONE = new Operation(0, 0, 0, 0);

        /** Read, write and index write units together. */
        public double units() {
            return readUnits + writeUnits + indexWriteUnits;
        }
    }

    public CapacityTotals {
        operations = Map.copyOf(operations);
    }

    /** The calls and units of {@code operation}, zero if none was counted. */
    public Operation operation(String operation) {
        return operations.getOrDefault(operation, Operation.NONE);
    }

    /** Read, write and index write units together. */
    public double units() {
        return readUnits + writeUnits + indexWriteUnits;
    }
}
