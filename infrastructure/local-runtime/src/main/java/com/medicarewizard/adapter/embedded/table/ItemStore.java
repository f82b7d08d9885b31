package com.medicarewizard.adapter.embedded.table;

import com.medicarewizard.table.Item;
import com.medicarewizard.table.Key;
import com.medicarewizard.table.SortRange;
import com.medicarewizard.table.IndexDefinition;
import com.medicarewizard.table.Utf8Order;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The items and their indexes in memory. One writer applies committed changes; readers run
 * without locks on the concurrent maps and use an epoch (a seqlock) to never return a result
 * that mixes states from before and after a commit: the epoch is odd while a commit is being
 * applied, and a read that saw it change is retried, finally under the writer's lock.
 */
final class ItemStore {

    static final int MAX_ITEM_BYTES = 400 * 1024;
    private static final int OPTIMISTIC_READS = 64;

    private final ConcurrentHashMap<String, ConcurrentSkipListMap<String, Item>> partitions =
            new ConcurrentHashMap<>();
    private final Map<String, SecondaryIndex> indexes = new LinkedHashMap<>();
    private final Lock writerLock;
    private volatile long epoch;
    private volatile long size;

    ItemStore(List<IndexDefinition> definitions, Lock writerLock) {
        for (IndexDefinition definition : definitions) {
            if (indexes.put(definition.name(), new SecondaryIndex(definition)) != null) {
                throw new IllegalArgumentException("two indexes named " + definition.name());
            }
        }
        this.writerLock = writerLock;
    }

    Optional<Item> get(Key key) {
        ConcurrentSkipListMap<String, Item> partition = partitions.get(key.pk());
        return partition == null ? Optional.empty() : Optional.ofNullable(partition.get(key.sk()));
    }

    List<Item> query(String pk, SortRange range, int limit, boolean ascending) {
        return query(pk, range, Optional.empty(), limit, ascending);
    }

    /** The items of the range after (in the query's direction) sort key {@code after}, if given. */
    List<Item> query(String pk, SortRange range, Optional<String> after, int limit, boolean ascending) {
        requirePositive(limit);
        return consistently(() -> {
            ConcurrentSkipListMap<String, Item> partition = partitions.get(pk);
            return partition == null
                    ? List.of()
                    : take(after(SortRange.select(range, partition, sort -> sort, sort -> sort), after, ascending),
                            limit, ascending);
        });
    }

    /** The part of {@code range} beyond {@code after} in the direction of a query. */
    static <K, V> NavigableMap<K, V> after(NavigableMap<K, V> range, Optional<K> after, boolean ascending) {
        return after.map(start -> ascending ? range.tailMap(start, false) : range.headMap(start, false)).orElse(range);
    }

    List<String> querySortKeys(String pk, SortRange range) {
        return consistently(() -> {
            ConcurrentSkipListMap<String, Item> partition = partitions.get(pk);
            List<String> keys = new ArrayList<>();
            if (partition == null) {
                return keys;
            }
            if (range instanceof SortRange.Between(String from, String to)) {
                // The range's last key is found once, in O(log n) comparisons, and the walk stops at that very
                // key: it follows the map's links without reading any key's characters. An availability answer
                // reads thousands of keys; comparing each against the bound made the walk load every key's bytes
                // while chasing the links, one cache miss after another, and its time then varied by half with
                // where the collector had put the keys (issue 15). The caller reads the keys it needs from the list.
                String last = partition.floorKey(to);
                if (last == null || Utf8Order.compare(last, from) < 0) {
                    return keys;
                }
                for (String sort : partition.tailMap(from, true).keySet()) {
                    keys.add(sort);
                    if (sort == last) {
                        // the same key object: a commit meanwhile changes the epoch, and the read is done again
                        break;
                    }
                }
                return keys;
            }
            // One pass: copying the key set would walk the range twice (a sub-map counts by walking).
            for (String sort : SortRange.select(range, partition, sort -> sort, sort -> sort).keySet()) {
                keys.add(sort);
            }
            return keys;
        });
    }

    List<Item> queryIndex(String index, String partitionValue, SortRange range, int limit, boolean ascending) {
        return queryIndex(index, partitionValue, range, Optional.empty(), limit, ascending);
    }

    /** The index's items of the range after (in the query's direction) the entry of item {@code after}, if given. */
    List<Item> queryIndex(String index, String partitionValue, SortRange range, Optional<Item> after, int limit,
                          boolean ascending) {
        requirePositive(limit);
        SecondaryIndex secondary = indexes.get(index);
        if (secondary == null) {
            throw new IllegalArgumentException("no index named " + index);
        }
        return consistently(() -> secondary.query(partitionValue, range, after, limit, ascending));
    }

    List<IndexDefinition> indexes() {
        return indexes.values().stream().map(SecondaryIndex::definition).toList();
    }

    long size() {
        return size;
    }

    /** Throws what DynamoDB would reject the item for. */
    void validate(Item item) {
        if (item.sizeBytes() > MAX_ITEM_BYTES) {
            throw new IllegalArgumentException("Item size has exceeded the maximum allowed size: " + item.key());
        }
        indexes.values().forEach(index -> index.validate(item));
    }

    /** Applies committed changes; the caller is the single writer. */
    void apply(Collection<StreamRecord> records) {
        epoch++;
        try {
            records.forEach(record -> record.newImage().ifPresentOrElse(this::store, () -> remove(record.keys())));
        } finally {
            epoch++;
        }
    }

    void store(Item item) {
        Key key = item.key();
        Item previous = partitions.computeIfAbsent(key.pk(), pk -> new ConcurrentSkipListMap<>(Utf8Order.COMPARATOR))
                .put(key.sk(), item);
        if (previous == null) {
            size++;
        } else {
            indexes.values().forEach(index -> index.remove(previous));
        }
        indexes.values().forEach(index -> index.add(item));
    }

    private void remove(Key key) {
        ConcurrentSkipListMap<String, Item> partition = partitions.get(key.pk());
        Item previous = partition == null ? null : partition.remove(key.sk());
        if (previous != null) {
            size--;
            indexes.values().forEach(index -> index.remove(previous));
            if (partition.isEmpty()) {
                partitions.remove(key.pk(), partition);
            }
        }
    }

    /** Every item: a consistent set under the writer's lock (a snapshot), weakly consistent without (a sweep). */
    Stream<Item> items() {
        return partitions.values().stream().flatMap(partition -> partition.values().stream());
    }

    private <T> T consistently(Supplier<T> read) {
        for (int attempt = 0; attempt < OPTIMISTIC_READS; attempt++) {
            long before = epoch;
            if ((before & 1) == 0) {
                T result = read.get();
                if (epoch == before) {
                    return result;
                }
            }
            Thread.onSpinWait();
        }
        writerLock.lock();
        try {
            return read.get();
        } finally {
            writerLock.unlock();
        }
    }

    static <K> List<Item> take(NavigableMap<K, Item> range, int limit, boolean ascending) {
        List<Item> result = new ArrayList<>(Math.min(limit, 64));
        for (Item item : (ascending ? range : range.descendingMap()).values()) {
            if (result.size() == limit) {
                break;
            }
            result.add(item);
        }
        return List.copyOf(result);
    }

    private static void requirePositive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
    }
}
