package com.medicarewizard.adapter.embedded.table;

import com.medicarewizard.table.Item;
import com.medicarewizard.table.Key;
import com.medicarewizard.table.SortRange;
import com.medicarewizard.table.IndexDefinition;
import com.medicarewizard.table.Utf8Order;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * One global secondary index: partition value → entries ordered by the sort attribute, then by
 * the item's key. Sparse: items lacking either attribute have no entry. Written by the single
 * writer only; read concurrently.
 */
final class SecondaryIndex {

    /** An entry's place; {@code bound} -1/+1 marks a search position before/after a sort value. */
    private record Position(String sort, int bound, Key key) {
    }

    private static final Comparator<Position> ORDER = (a, b) -> {
        int bySort = Utf8Order.compare(a.sort(), b.sort());
        if (bySort != 0) {
            return bySort;
        }
        if (a.bound() != 0 || b.bound() != 0) {
            return Integer.compare(a.bound(), b.bound());
        }
        return a.key().compareTo(b.key());
    };

    private final IndexDefinition definition;
    private final ConcurrentHashMap<String, ConcurrentSkipListMap<Position, Item>> partitions =
            new ConcurrentHashMap<>();

    SecondaryIndex(IndexDefinition definition) {
        this.definition = definition;
    }

    /** Rejects what DynamoDB rejects: an index key attribute that is not a non-empty string. */
    void validate(Item item) {
        for (String attribute : List.of(definition.partitionAttribute(), definition.sortAttribute())) {
            Optional<Object> value = item.value(attribute);
            if (value.isPresent() && !(value.get() instanceof String s && !s.isEmpty())) {
                throw new IllegalArgumentException("attribute " + attribute + " is a key of index "
                        + definition.name() + " and must be a non-empty string");
            }
        }
    }

    void add(Item item) {
        partitionValue(item).ifPresent(partition -> partitions
                .computeIfAbsent(partition, p -> new ConcurrentSkipListMap<>(ORDER))
                .put(position(item), item));
    }

    void remove(Item item) {
        partitionValue(item).ifPresent(partition -> {
            ConcurrentSkipListMap<Position, Item> entries = partitions.get(partition);
            if (entries != null) {
                entries.remove(position(item));
                if (entries.isEmpty()) {
                    partitions.remove(partition, entries);
                }
            }
        });
    }

    IndexDefinition definition() {
        return definition;
    }

    /** The entries of the range, after (in the query's direction) the entry of item {@code after} if given. */
    List<Item> query(String partitionValue, SortRange range, Optional<Item> after, int limit, boolean ascending) {
        ConcurrentSkipListMap<Position, Item> entries = partitions.get(partitionValue);
        if (entries == null) {
            return List.of();
        }
        return ItemStore.take(ItemStore.after(SortRange.select(range, entries,
                sort -> new Position(sort, -1, null), sort -> new Position(sort, 1, null)),
                after.map(this::position), ascending), limit, ascending);
    }

    private Optional<String> partitionValue(Item item) {
        return item.has(definition.sortAttribute())
                ? item.optString(definition.partitionAttribute())
                : Optional.empty();
    }

    private Position position(Item item) {
        return new Position(item.string(definition.sortAttribute()), 0, item.key());
    }
}
