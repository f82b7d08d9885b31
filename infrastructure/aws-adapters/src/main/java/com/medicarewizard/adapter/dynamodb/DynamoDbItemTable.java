package com.medicarewizard.adapter.dynamodb;

import com.medicarewizard.port.ContendedWriteException;
import com.medicarewizard.table.Condition;
import com.medicarewizard.table.ConditionFailedException;
import com.medicarewizard.table.IndexDefinition;
import com.medicarewizard.table.Item;
import com.medicarewizard.table.ItemTable;
import com.medicarewizard.table.Key;
import com.medicarewizard.table.Query;
import com.medicarewizard.table.SortRange;
import com.medicarewizard.table.Update;
import com.medicarewizard.table.Write;
import com.medicarewizard.table.layout.TableIndex;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * The {@link ItemTable} on DynamoDB through the SDK v2: one client (shared, owned by the caller: one
 * per container) and the table's name. Single items are read strongly consistent, as are queries
 * of the table; index queries are eventually consistent, as GSIs are. Every conditional write asks
 * for the stored item when its condition fails (ALL_OLD), so {@link ConditionFailedException} can
 * carry it; where a server does not send it back, the item is read again (it can only have moved on).
 * Transactions that meet another one under way are tried again a few times ({@link DynamoDbTransactions}).
 */
public final class DynamoDbItemTable implements ItemTable {

    private static final ReturnValuesOnConditionCheckFailure ALL_OLD = ReturnValuesOnConditionCheckFailure.ALL_OLD;

    /** Where {@link #queryAll} sends all but one of its queries. */
    private static final ExecutorService QUERIES = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
            new SynchronousQueue<>(), Thread.ofPlatform().daemon().name("dynamodb-query-", 0).factory());

    /** Batch reads of the keys left unprocessed, the first one included. */
    static final int BATCH_READ_ATTEMPTS = 5;

    private final DynamoDbClient client;
    private final String name;
    private final DynamoDbQueries queries;
    private final DynamoDbTransactions transactions;
    private final BackoffStrategy conflictBackoff;

    public DynamoDbItemTable(DynamoDbClient client, String name) {
        this(client, name, TableIndex.ALL);
    }

    public DynamoDbItemTable(DynamoDbClient client, String name, List<IndexDefinition> indexes) {
        this(client, name, indexes, DynamoDbTransactions.CONFLICT_BACKOFF);
    }

    /** With the pauses between attempts of a transaction that met another one (tests: none). */
    DynamoDbItemTable(DynamoDbClient client, String name, List<IndexDefinition> indexes, BackoffStrategy conflictBackoff) {
        this.client = Objects.requireNonNull(client, "client");
        this.name = Objects.requireNonNull(name, "table name");
        this.queries = new DynamoDbQueries(client, name, indexes);
        this.transactions = new DynamoDbTransactions(client, name, this::get, conflictBackoff);
        this.conflictBackoff = conflictBackoff;
    }

    @Override
    public Optional<Item> get(Key key) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(name).key(AttributeValues.key(key))
                .consistentRead(true)).item();
        return present(item);
    }

    /**
     * One BatchGetItem, strongly consistent. Keys DynamoDB leaves unprocessed (a batch over 16 MB, or
     * throttled) are asked again, after a pause growing with each attempt, as its documentation asks;
     * still unprocessed after {@value #BATCH_READ_ATTEMPTS} attempts, the read fails as a throttled call does.
     */
    @Override
    public List<Optional<Item>> getAll(List<Key> keys) {
        ItemTable.validateBatchRead(keys);
        Map<Key, Item> found = new HashMap<>();
        List<Map<String, AttributeValue>> left = keys.stream().map(AttributeValues::key).toList();
        for (int attempt = 1; !left.isEmpty(); attempt++) {
            if (attempt > BATCH_READ_ATTEMPTS) {
                throw new IllegalStateException(left.size() + " keys still unprocessed after " + BATCH_READ_ATTEMPTS
                        + " batch reads");
            }
            pauseBefore(attempt);
            List<Map<String, AttributeValue>> asked = left;
            BatchGetItemResponse answer = client.batchGetItem(b -> b.requestItems(Map.of(name,
                    KeysAndAttributes.builder().keys(asked).consistentRead(true).build())));
            answer.responses().getOrDefault(name, List.of()).stream().map(AttributeValues::fromDynamo)
                    .forEach(item -> found.put(item.key(), item));
            left = Optional.ofNullable(answer.unprocessedKeys().get(name)).map(KeysAndAttributes::keys).orElse(List.of());
        }
        return keys.stream().map(key -> Optional.ofNullable(found.get(key))).toList();
    }

    private static void pauseBefore(int attempt) {
        if (attempt > 1) {
            DynamoDbTransactions.pause(Duration.ofMillis(50L << (attempt - 2)));
        }
    }

    @Override
    public Optional<Item> put(Item item, Condition condition) {
        Expressions x = new Expressions();
        return guarded(item.key(), () -> present(client.putItem(b -> b.tableName(name).item(AttributeValues.toDynamo(item))
                .conditionExpression(x.condition(condition))
                .expressionAttributeNames(x.names()).expressionAttributeValues(x.values())
                .returnValues(ReturnValue.ALL_OLD).returnValuesOnConditionCheckFailure(ALL_OLD)).attributes()));
    }

    @Override
    public Item update(Key key, Update update, Condition condition) {
        Expressions x = new Expressions();
        return guarded(key, () -> AttributeValues.fromDynamo(client.updateItem(b -> b.tableName(name)
                .key(AttributeValues.key(key)).updateExpression(x.update(update)).conditionExpression(x.condition(condition))
                .expressionAttributeNames(x.names()).expressionAttributeValues(x.values())
                .returnValues(ReturnValue.ALL_NEW).returnValuesOnConditionCheckFailure(ALL_OLD)).attributes()));
    }

    @Override
    public Optional<Item> delete(Key key, Condition condition) {
        Expressions x = new Expressions();
        return guarded(key, () -> present(client.deleteItem(b -> b.tableName(name).key(AttributeValues.key(key))
                .conditionExpression(x.condition(condition))
                .expressionAttributeNames(x.names()).expressionAttributeValues(x.values())
                .returnValues(ReturnValue.ALL_OLD).returnValuesOnConditionCheckFailure(ALL_OLD)).attributes()));
    }

    /**
     * Runs a conditional write, turning a failed condition into the table's exception. A single write
     * on an item a transaction has under way is refused with {@code TransactionConflictException} (a
     * reservation is confirmed by a transaction while its patient cancels it, say), which the SDK does
     * not try again: it is tried again here as a cancelled transaction is ({@link DynamoDbTransactions}),
     * by when the transaction has normally committed; one that outlasts the attempts is a busy item,
     * {@link ContendedWriteException} (the intake answers 503 with {@code Retry-After}).
     */
    private <T> T guarded(Key key, Supplier<T> write) {
        for (int attempt = 1; ; attempt++) {
            try {
                return write.get();
            } catch (ConditionalCheckFailedException e) {
                throw new ConditionFailedException(key, stored(e.item(), key));
            } catch (TransactionConflictException e) {
                if (attempt >= DynamoDbTransactions.ATTEMPTS) {
                    throw new ContendedWriteException("a write of " + key + " met a transaction under way, "
                            + attempt + " times", e);
                }
                DynamoDbTransactions.pause(conflictBackoff.computeDelay(attempt));
            }
        }
    }

    @Override
    public void transact(List<Write> writes) {
        transactions.write(writes);
    }

    @Override
    public List<Item> query(Query query) {
        return queries.items(query);
    }

    /**
     * The queries at once, one thread each but the last, which runs on the caller's: the answer waits
     * for the slowest round trip rather than their sum. The threads are daemons, kept a minute
     * between bursts (a Lambda's container reuses them from one invocation to the next).
     */
    @Override
    public List<List<Item>> queryAll(List<Query> all) {
        if (all.size() <= 1) {
            return ItemTable.super.queryAll(all);
        }
        List<Future<List<Item>>> sent = all.subList(0, all.size() - 1).stream()
                .map(query -> QUERIES.submit(() -> queries.items(query))).toList();
        List<Item> last = queries.items(all.getLast());
        List<List<Item>> answers = new ArrayList<>(all.size());
        for (Future<List<Item>> answer : sent) {
            answers.add(answerOf(answer));
        }
        answers.add(last);
        return answers;
    }

    private static List<Item> answerOf(Future<List<Item>> answer) {
        try {
            return answer.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while querying", e);
        }
    }

    @Override
    public List<String> querySortKeys(String pk, SortRange range) {
        return queries.sortKeys(pk, range);
    }

    /** What was there when a condition failed: the returned old item where sent, else read again. */
    Optional<Item> stored(Map<String, AttributeValue> returned, Key key) {
        return returned != null && !returned.isEmpty() ? present(returned) : get(key);
    }

    private static Optional<Item> present(Map<String, AttributeValue> item) {
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(AttributeValues.fromDynamo(item));
    }
}
