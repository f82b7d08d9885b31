package com.medicarewizard.adapter.dynamodb;

import com.medicarewizard.port.ContendedWriteException;
import com.medicarewizard.table.CancellationReason;
import com.medicarewizard.table.Item;
import com.medicarewizard.table.Key;
import com.medicarewizard.table.TransactionCanceledException;
import com.medicarewizard.table.Write;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * {@link Write}s as one TransactWriteItems, each asking for the stored item when its condition
 * fails. A cancellation by conditions becomes the table's {@link TransactionCanceledException}, a
 * reason per write.
 *
 * <p>A transaction cancelled only because another one was under way on one of its items
 * ({@code TransactionConflict}: a double-clicked idempotency key, two registrations of one address)
 * is tried again, which the SDK does not do: up to {@value #ATTEMPTS} attempts in all, after a
 * jittered exponential pause each ({@link #CONFLICT_BACKOFF}, at most ~0.4 s together), by when the
 * other transaction has normally committed and the conditions answer. A conflict that outlasts them
 * is the table's exception with a {@code TransactionConflict} reason, for the caller to read the item
 * again. One cancelled because the table or an item was over its throughput ({@code ThrottlingError},
 * {@code ProvisionedThroughputExceeded}) is a busy table, {@link ContendedWriteException}: nothing was
 * written, the caller may try again in a moment (the intake answers 503 with {@code Retry-After}, as for
 * a conflict that outlasts its attempts); it is not tried again here, the SDK's retries having already
 * met the throttling on the way. One cancelled for anything else (validation, an item collection too
 * large) is rethrown as the SDK's: it says nothing about the items.
 */
final class DynamoDbTransactions {

    /** Attempts of a transaction cancelled only by conflicts with other transactions. */
    static final int ATTEMPTS = 5;
    /** Full jitter, so that two racing requests do not meet again at the same moment. */
    static final BackoffStrategy CONFLICT_BACKOFF = BackoffStrategy.exponentialDelay(
            Duration.ofMillis(25), Duration.ofMillis(200));
    private static final ReturnValuesOnConditionCheckFailure ALL_OLD = ReturnValuesOnConditionCheckFailure.ALL_OLD;
    /** Cancellation reasons of a table (or an item) over its throughput. */
    private static final Set<String> THROTTLED = Set.of("ThrottlingError", "ProvisionedThroughputExceeded");

    private final DynamoDbClient client;
    private final String table;
    private final Function<Key, Optional<Item>> reread;
    private final BackoffStrategy backoff;

    DynamoDbTransactions(DynamoDbClient client, String table, Function<Key, Optional<Item>> reread,
                         BackoffStrategy backoff) {
        this.client = client;
        this.table = table;
        this.reread = reread;
        this.backoff = backoff;
    }

    void write(List<Write> writes) {
        Write.validateTransaction(writes);
        TransactWriteItemsRequest request = request(writes);
        for (int attempt = 1; ; attempt++) {
            try {
                client.transactWriteItems(request);
                return;
            } catch (software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException e) {
                RuntimeException canceled = canceled(writes, e);
                if (attempt >= ATTEMPTS || !onlyConflicts(canceled)) {
                    throw canceled;
                }
                pause(backoff.computeDelay(attempt));
            }
        }
    }

    private static boolean onlyConflicts(RuntimeException canceled) {
        return canceled instanceof TransactionCanceledException ours
                && ours.reasons().stream().anyMatch(CancellationReason::conflicted)
                && ours.reasons().stream().noneMatch(CancellationReason::conditionFailed);
    }

    /** Waits between attempts of a call (a transaction, a write, a batch read); an interrupt ends the call. */
    static void pause(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted between attempts", e);
        }
    }

    TransactWriteItemsRequest request(List<Write> writes) {
        return TransactWriteItemsRequest.builder().transactItems(writes.stream().map(this::item).toList()).build();
    }

    private TransactWriteItem item(Write write) {
        Expressions x = new Expressions();
        Map<String, AttributeValue> key = AttributeValues.key(write.key());
        return switch (write) {
            case Write.Put put -> TransactWriteItem.builder().put(Put.builder().tableName(table)
                    .item(AttributeValues.toDynamo(put.item())).conditionExpression(x.condition(put.condition()))
                    .expressionAttributeNames(x.names()).expressionAttributeValues(x.values())
                    .returnValuesOnConditionCheckFailure(ALL_OLD).build()).build();
            case Write.UpdateItem update -> TransactWriteItem.builder().update(Update.builder().tableName(table).key(key)
                    .updateExpression(x.update(update.change())).conditionExpression(x.condition(update.condition()))
                    .expressionAttributeNames(x.names()).expressionAttributeValues(x.values())
                    .returnValuesOnConditionCheckFailure(ALL_OLD).build()).build();
            case Write.Delete delete -> TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key)
                    .conditionExpression(x.condition(delete.condition()))
                    .expressionAttributeNames(x.names()).expressionAttributeValues(x.values())
                    .returnValuesOnConditionCheckFailure(ALL_OLD).build()).build();
            case Write.Check check -> TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table)
                    .key(key).conditionExpression(x.condition(check.condition()))
                    .expressionAttributeNames(x.names()).expressionAttributeValues(x.values())
                    .returnValuesOnConditionCheckFailure(ALL_OLD).build()).build();
        };
    }

    private RuntimeException canceled(List<Write> writes,
                                      software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException e) {
        var reasons = e.cancellationReasons();
        if (reasons.stream().anyMatch(r -> THROTTLED.contains(r.code()))) {
            return new ContendedWriteException("a transaction of " + writes.size() + " writes was throttled", e);
        }
        if (reasons.size() != writes.size()) {
            return e;
        }
        List<CancellationReason> ours = new ArrayList<>(reasons.size());
        for (int i = 0; i < reasons.size(); i++) {
            String code = reasons.get(i).code();
            if (CancellationReason.CONDITIONAL_CHECK_FAILED.equals(code)) {
                ours.add(CancellationReason.failed(stored(reasons.get(i).item(), writes.get(i).key())));
            } else if (CancellationReason.TRANSACTION_CONFLICT.equals(code)) {
                ours.add(CancellationReason.conflict());
            } else if (code == null || CancellationReason.NONE.equals(code)) {
                ours.add(CancellationReason.none());
            } else {
                return e;
            }
        }
        return new TransactionCanceledException(ours);
    }

    private Optional<Item> stored(Map<String, AttributeValue> returned, Key key) {
        return returned != null && !returned.isEmpty() ? Optional.of(AttributeValues.fromDynamo(returned)) : reread.apply(key);
    }
}
