package com.medicarewizard.runtime.dynamodb;

import com.medicarewizard.adapter.embedded.table.ItemChange;
import com.medicarewizard.table.CancellationReason;
import com.medicarewizard.table.IndexDefinition;
import com.medicarewizard.table.Item;
import com.medicarewizard.table.Key;
import com.medicarewizard.table.Write;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The capacity units DynamoDB charges a call, by its documented rules, on {@link ItemSize sizes}:
 * "DynamoDB read and write operations",
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html.
 * <ul>
 * <li>A read unit is 4 KB strongly consistent, half a unit eventually consistent; at least one
 *     (half) unit, for an item that does not exist too. GetItem: the item's size rounded up to
 *     4 KB. Query: the sizes of the items it read summed, then rounded up once (per page, as each
 *     page is a call); one that finds nothing pays the minimum (API_Query: "Queries that do not
 *     return results consume the minimum number of read capacity units"); what a projection
 *     leaves out is still read.</li>
 * <li>A query on a global secondary index is eventually consistent and reads the index entries
 *     (GSI.html#GSI.ThroughputConsiderations.Reads): the indexes here project ALL, so an entry is
 *     the item's size. Charged to the index.</li>
 * <li>A write unit is 1 KB. PutItem, UpdateItem: the larger of the item before and after, rounded
 *     up to 1 KB; DeleteItem: the deleted item; at least one unit. A write whose condition fails
 *     still consumes, by "the size of the item ... an existing item in the table or a new one
 *     you're attempting to create or update": the larger of the two, at least one.</li>
 * <li>TransactWriteItems: two writes of every item, prepare and commit
 *     (transaction-apis.html#transaction-capacity-handling) — twice the write's units, a
 *     ConditionCheck by its item's size — consumed "even when a transaction does not succeed".</li>
 * <li>Index maintenance (GSI.html#GSI.ThroughputConsiderations.Writes), per index, on the index
 *     entry's size: one write when the item enters the index, one when it leaves it, two when its
 *     index key changes (delete the old entry, put the new), one when it stays under the same
 *     key but changes; none when it is in the index neither before nor after, or nothing
 *     changed; none for a write that failed. Assumed at standard rates for a transaction too: the
 *     propagation to indexes happens after the commit.</li>
 * </ul>
 */
final class CapacityUnits {

    static final int READ_UNIT_BYTES = 4 * 1024;
    static final int WRITE_UNIT_BYTES = 1024;

    private CapacityUnits() {
    }

    /** A read of {@code bytes}: rounded up to 4 KB, at least one unit; half as many if eventually consistent. */
    static double read(long bytes, boolean consistent) {
        long units = Math.max(1, ceil(bytes, READ_UNIT_BYTES));
        return consistent ? units : units / 2.0;
    }

    /** A write of an item of {@code bytes}: rounded up to 1 KB, at least one unit. */
    static long write(long bytes) {
        return Math.max(1, ceil(bytes, WRITE_UNIT_BYTES));
    }

    static Consumption getItem(Optional<Item> item, boolean consistent) {
        return Consumption.read(read(size(item), consistent), Map.of());
    }

    /** A query page: its items read from the table or, eventually consistent, from the index named. */
    static Consumption query(List<Item> page, Optional<String> index, boolean consistent) {
        long bytes = page.stream().mapToLong(ItemSize::of).sum();
        return index.map(name -> Consumption.read(0, Map.of(name, read(bytes, false))))
                .orElseGet(() -> Consumption.read(read(bytes, consistent), Map.of()));
    }

    /** A PutItem, UpdateItem or DeleteItem that was written, with its index maintenance. */
    static Consumption written(ItemChange change, List<IndexDefinition> indexes) {
        return Consumption.write(itemWrite(change), indexWrites(List.of(change), indexes));
    }

    /** A single write whose condition failed, by the item as it is and as the write would have made it. */
    static Consumption failed(ItemChange attempted) {
        return Consumption.write(itemWrite(attempted), Map.of());
    }

    /** A transaction that was written: twice each item's write, then the index maintenance. */
    static Consumption transaction(List<ItemChange> changes, List<IndexDefinition> indexes) {
        return Consumption.write(transactional(changes), indexWrites(changes, indexes));
    }

    /**
     * A transaction that was cancelled: still twice each item's write, by the items as they are — a
     * failed condition's reason holds its item, the others are read by {@code current} (the
     * transaction left them as they were; another writer may have changed one since, which is then
     * charged by its new size); no index changed. {@code reasons} is empty when the transaction
     * met another one before any condition was evaluated.
     */
    static Consumption cancelled(List<Write> writes, List<CancellationReason> reasons,
                                 Function<Key, Optional<Item>> current) {
        List<ItemChange> attempted = new ArrayList<>(writes.size());
        for (int i = 0; i < writes.size(); i++) {
            Write write = writes.get(i);
            boolean failed = i < reasons.size() && reasons.get(i).conditionFailed();
            attempted.add(attempted(write, failed ? reasons.get(i).current() : current.apply(write.key())));
        }
        return Consumption.write(transactional(attempted), Map.of());
    }

    /** What {@code write} would make of {@code current}: the change a failed write is charged by. */
    static ItemChange attempted(Write write, Optional<Item> current) {
        Optional<Item> next = switch (write) {
            case Write.Put put -> Optional.of(put.item());
            case Write.UpdateItem update -> updated(update, current);
            case Write.Delete delete -> Optional.empty();
            case Write.Check check -> current;
        };
        return new ItemChange(current, next);
    }

    private static Optional<Item> updated(Write.UpdateItem update, Optional<Item> current) {
        try {
            return Optional.of(update.change().apply(current.orElseGet(() -> Item.of(update.key()))));
        } catch (RuntimeException cannotApply) {
            // an update the item refuses (ADD to a string…) is charged by the item as it is
            return current;
        }
    }

    private static long transactional(List<ItemChange> changes) {
        return 2 * changes.stream().mapToLong(CapacityUnits::itemWrite).sum();
    }

    private static long itemWrite(ItemChange change) {
        return write(Math.max(size(change.oldImage()), size(change.newImage())));
    }

    /** The index writes of the changes, per index they touch. */
    private static Map<String, Double> indexWrites(List<ItemChange> changes, List<IndexDefinition> indexes) {
        Map<String, Double> units = new LinkedHashMap<>();
        for (IndexDefinition index : indexes) {
            long sum = changes.stream().mapToLong(change -> indexWrites(index, change)).sum();
            if (sum > 0) {
                units.put(index.name(), (double) sum);
            }
        }
        return units;
    }

    static long indexWrites(IndexDefinition index, ItemChange change) {
        Optional<Item> before = change.oldImage().filter(item -> inIndex(index, item));
        Optional<Item> after = change.newImage().filter(item -> inIndex(index, item));
        if (!change.changesItem() || (before.isEmpty() && after.isEmpty())) {
            return 0;
        }
        if (before.isPresent() && after.isPresent() && sameIndexKey(index, before.get(), after.get())) {
            return write(Math.max(ItemSize.of(before.get()), ItemSize.of(after.get())));
        }
        return before.map(item -> write(ItemSize.of(item))).orElse(0L)
                + after.map(item -> write(ItemSize.of(item))).orElse(0L);
    }

    /** Sparse: an item is in an index only with both its key attributes. */
    private static boolean inIndex(IndexDefinition index, Item item) {
        return item.has(index.partitionAttribute()) && item.has(index.sortAttribute());
    }

    private static boolean sameIndexKey(IndexDefinition index, Item a, Item b) {
        return a.attributes().get(index.partitionAttribute()).equals(b.attributes().get(index.partitionAttribute()))
                && a.attributes().get(index.sortAttribute()).equals(b.attributes().get(index.sortAttribute()));
    }

    private static long size(Optional<Item> item) {
        return item.map(ItemSize::of).orElse(0);
    }

    private static long ceil(long bytes, int unit) {
        return (bytes + unit - 1) / unit;
    }
}
