package com.medicarewizard.table;

import java.util.NavigableMap;
import java.util.Objects;
import java.util.function.Function;

/**
 * The sort key condition of a query: every sort value, {@code BETWEEN from AND to} (both
 * inclusive), or {@code begins_with(prefix)}. Strings compare as DynamoDB compares them, by
 * UTF-8 bytes.
 */
public sealed interface SortRange {

    static SortRange all() {
        return All.INSTANCE;
    }

    static SortRange between(String from, String to) {
        return new Between(from, to);
    }

    static SortRange beginsWith(String prefix) {
        return new BeginsWith(prefix);
    }

    enum All implements SortRange {
        INSTANCE
    }

    record Between(String from, String to) implements SortRange {
        public Between {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (Utf8Order.compare(from, to) > 0) {
                throw new IllegalArgumentException("BETWEEN bounds in the wrong order: " + from + " > " + to);
            }
        }
    }

    record BeginsWith(String prefix) implements SortRange {
        public BeginsWith {
            Objects.requireNonNull(prefix, "prefix");
        }
    }

    /**
     * The part of {@code map} in this range, in O(log n). {@code before} and {@code after}
     * give map keys sorting just before and just after every entry with a given sort value.
     */
    public static <K, V> NavigableMap<K, V> select(SortRange range, NavigableMap<K, V> map,
                                            Function<String, K> before, Function<String, K> after) {
        return switch (range) {
            case All all -> map;
            case Between(String from, String to) -> map.subMap(before.apply(from), true, after.apply(to), true);
            case BeginsWith(String prefix) -> Utf8Order.prefixUpperBound(prefix)
                    .map(upper -> map.subMap(before.apply(prefix), true, before.apply(upper), false))
                    .orElseGet(() -> map.tailMap(before.apply(prefix), true));
        };
    }
}
