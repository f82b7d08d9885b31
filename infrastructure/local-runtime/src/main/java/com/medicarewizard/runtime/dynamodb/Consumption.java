package com.medicarewizard.runtime.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Optional;

/**
 * The capacity units one call consumed: read or write units on the table, and on each global
 * secondary index it touched (a query's reads, a write's index maintenance) — answered, when the
 * request sets {@code ReturnConsumedCapacity}, as DynamoDB's {@code ConsumedCapacity}
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ConsumedCapacity.html):
 * {@code TOTAL} gives TableName, CapacityUnits and Read- or WriteCapacityUnits, the sum over the
 * table and its indexes; {@code INDEXES} adds {@code Table} and {@code GlobalSecondaryIndexes}.
 */
record Consumption(boolean read, double table, Map<String, Double> indexes) {

    Consumption {
        indexes = Map.copyOf(indexes);
    }

    static Consumption read(double table, Map<String, Double> indexes) {
        return new Consumption(true, table, indexes);
    }

    static Consumption write(double table, Map<String, Double> indexes) {
        return new Consumption(false, table, indexes);
    }

    /** The units on the indexes together. */
    double onIndexes() {
        return indexes.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The units on the table and its indexes. */
    double total() {
        return table + onIndexes();
    }

    /**
     * The detail the request asks for — {@code INDEXES}, {@code TOTAL}, or none — refusing any
     * other value as the service does.
     */
    static Optional<String> requested(JsonNode request) {
        String value = Optional.ofNullable(TableApi.text(request, "ReturnConsumedCapacity")).orElse("NONE");
        return switch (value) {
            case "NONE" -> Optional.empty();
            case "TOTAL", "INDEXES" -> Optional.of(value);
            default -> throw WireError.validation("1 validation error detected: Value '" + value + "' at "
                    + "'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: "
                    + "[INDEXES, TOTAL, NONE]");
        };
    }

    /** Adds {@code ConsumedCapacity} to the answer if the request asked for it (a list of one for a transaction). */
    ObjectNode answer(JsonNode request, String tableName, boolean asList, ObjectNode answer) {
        requested(request).ifPresent(detail -> {
            ObjectNode consumed = asList ? answer.putArray("ConsumedCapacity").addObject()
                    : answer.putObject("ConsumedCapacity");
            consumed.put("TableName", tableName);
            units(consumed, total());
            if (detail.equals("INDEXES")) {
                units(consumed.putObject("Table"), table);
                if (!indexes.isEmpty()) {
                    ObjectNode byIndex = consumed.putObject("GlobalSecondaryIndexes");
                    indexes.forEach((index, units) -> units(byIndex.putObject(index), units));
                }
            }
        });
        return answer;
    }

    private void units(ObjectNode capacity, double units) {
        capacity.put("CapacityUnits", units).put(read ? "ReadCapacityUnits" : "WriteCapacityUnits", units);
    }
}
