package com.medicarewizard.table;

import java.util.Objects;
import java.util.Optional;

/**
 * A query of one partition: of the table (by {@code pk}, ordered by {@code sk}) or of a global
 * secondary index (by its partition attribute, ordered by its sort attribute), with a sort-key
 * range, a direction and a limit on the number of items. A table query is strongly consistent
 * unless its reader accepts an answer a moment old ({@link #eventuallyConsistent()}: half the read
 * units in DynamoDB); an index query is eventually consistent whatever it asks, as GSIs are.
 */
public record Query(Optional<String> index, String partition, SortRange range, int limit, boolean ascending,
                    boolean consistent) {

    public static final int NO_LIMIT = Integer.MAX_VALUE;

    /** Strongly consistent where the table can be (a table query). */
    public Query(Optional<String> index, String partition, SortRange range, int limit, boolean ascending) {
        this(index, partition, range, limit, ascending, true);
    }

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
        return new Query(index, partition, range, items, ascending, consistent);
    }

    public Query descending() {
        return new Query(index, partition, range, limit, false, consistent);
    }

    /** The same query, answered from any replica: it may miss the last second's writes. */
    public Query eventuallyConsistent() {
        return new Query(index, partition, range, limit, ascending, false);
    }
}
