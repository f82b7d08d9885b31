package com.medicarewizard.table;

import java.util.List;
import java.util.Optional;

/**
 * A DynamoDB-shaped table of {@link Item}s: strongly consistent reads of one item, single-item
 * writes guarded by a {@link Condition} evaluated atomically with them, all-or-nothing
 * transactions, and queries of a partition (of the table or of a global secondary index) by
 * sort-key range. The table adapters of the ports are written once against this interface; the
 * embedded table and DynamoDB implement it, and both are held to the same contract suite.
 *
 * <p>A failed condition throws {@link ConditionFailedException} carrying the item as it is
 * (DynamoDB's {@code ReturnValuesOnConditionCheckFailure=ALL_OLD}); a cancelled transaction throws
 * {@link TransactionCanceledException} with one reason per write, in request order.
 */
public interface ItemTable {

    /** TransactWriteItems' limit. */
    int MAX_TRANSACTION_WRITES = 100;

    /** BatchGetItem's limit. */
    int MAX_BATCH_READ = 100;

    /** The item with this key, read strongly consistent. */
    Optional<Item> get(Key key);

    /**
     * The items with these keys (1 to {@value #MAX_BATCH_READ}, distinct), each read strongly consistent as
     * {@link #get} reads it, answered in the order asked: DynamoDB's adapter reads them in one call
     * (BatchGetItem), where a get each would be a round trip each.
     */
    default List<Optional<Item>> getAll(List<Key> keys) {
        validateBatchRead(keys);
        return keys.stream().map(this::get).toList();
    }

    /** Refuses what BatchGetItem refuses: no keys, more than {@value #MAX_BATCH_READ}, or one twice. */
    static void validateBatchRead(List<Key> keys) {
        if (keys.isEmpty() || keys.size() > MAX_BATCH_READ) {
            throw new IllegalArgumentException("a batch read has 1 to " + MAX_BATCH_READ + " keys, not " + keys.size());
        }
        if (java.util.Set.copyOf(keys).size() != keys.size()) {
            throw new IllegalArgumentException("a batch read names each key once: " + keys);
        }
    }

    /** Writes (replaces) the item if the condition holds on the current one; returns the old item. */
    Optional<Item> put(Item item, Condition condition);

    /**
     * Changes the item (or creates it from its key) if the condition holds, like UpdateItem;
     * returns the item as written (ALL_NEW).
     */
    Item update(Key key, Update update, Condition condition);

    /** Deletes the item if the condition holds; returns the old item. Deleting nothing is no change. */
    Optional<Item> delete(Key key, Condition condition);

    /**
     * Writes all or nothing, like TransactWriteItems: 1 to {@value #MAX_TRANSACTION_WRITES} writes on
     * distinct keys.
     */
    void transact(List<Write> writes);

    /**
     * The items of the query, in its order, reading every page until its limit: the caller never
     * sees a partial answer. Index queries are eventually consistent in DynamoDB, as GSIs are.
     */
    List<Item> query(Query query);

    /**
     * The answers of several queries, each as {@link #query} answers it, in the order given. Each query
     * is a round trip of its own to DynamoDB, so its adapter sends them at once: a reader of several
     * partitions (a request's candidate resources) waits for one round trip, not one per partition.
     */
    default List<List<Item>> queryAll(List<Query> queries) {
        return queries.stream().map(this::query).toList();
    }

    /**
     * The sort keys alone of the items of table partition {@code pk} in {@code range}, ascending
     * (a query projecting only the key): for readers whose sort key says all they need.
     */
    List<String> querySortKeys(String pk, SortRange range);
}
