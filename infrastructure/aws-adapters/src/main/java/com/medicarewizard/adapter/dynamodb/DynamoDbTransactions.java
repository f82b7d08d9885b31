package com.medicarewizard.adapter.dynamodb;

import com.medicarewizard.table.CancellationReason;
import com.medicarewizard.table.Item;
import com.medicarewizard.table.Key;
import com.medicarewizard.table.TransactionCanceledException;
import com.medicarewizard.table.Write;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
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
 * reason per write; one cancelled for anything else (a conflict with another transaction,
 * throttling) is rethrown as the SDK's: it says nothing about the items.
 */
final class DynamoDbTransactions {

    private static final ReturnValuesOnConditionCheckFailure ALL_OLD = ReturnValuesOnConditionCheckFailure.ALL_OLD;

    private final DynamoDbClient client;
    private final String table;
    private final Function<Key, Optional<Item>> reread;

    DynamoDbTransactions(DynamoDbClient client, String table, Function<Key, Optional<Item>> reread) {
        this.client = client;
        this.table = table;
        this.reread = reread;
    }

    void write(List<Write> writes) {
        Write.validateTransaction(writes);
        try {
            client.transactWriteItems(request(writes));
        } catch (software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException e) {
            throw canceled(writes, e);
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
        if (reasons.size() != writes.size()) {
            return e;
        }
        List<CancellationReason> ours = new ArrayList<>(reasons.size());
        for (int i = 0; i < reasons.size(); i++) {
            String code = reasons.get(i).code();
            if (CancellationReason.CONDITIONAL_CHECK_FAILED.equals(code)) {
                ours.add(CancellationReason.failed(stored(reasons.get(i).item(), writes.get(i).key())));
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
