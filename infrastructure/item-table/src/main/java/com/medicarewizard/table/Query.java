package com.medicarewizard.table;

import java.util.Objects;
import java.util.Optional;

/**
 * A query of one partition: of the table (by {@code pk}, ordered by {@code sk}) or of a global
 * secondary index (by its partition attribute, ordered by its sort attribute), with a sort-key
 * range, a direction and a limit on the number of items.
 */
public record Query(Optional<String> index, String partition, SortRange range, int limit, boolean ascending) {

    public static final int NO_LIMIT = Integer.MAX_VALUE;

    public Query {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(range, "range");
        if (limit < 1) {
            throw new IllegalArgumentException("a query's limit is at least 1, not " + limit);
        }
    }

    /** Every item of table partition {@code pk}, ascending. */
    public static Query table(String pk, SortRange range) {
        return new Query(Optional.empty(), pk, range, NO_LIMIT, true);
    }

    /** Every item of the index partition, ascending. */
    public static Query index(String index, String partition, SortRange range) {
        return new Query(Optional.of(index), partition, range, NO_LIMIT, true);
    }

    public Query limit(int items) {
        return new Query(index, partition, range, items, ascending);
    }

    public Query descending() {
        return new Query(index, partition, range, limit, false);
    }
}
