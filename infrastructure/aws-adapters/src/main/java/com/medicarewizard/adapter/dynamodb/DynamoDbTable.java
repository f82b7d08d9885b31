package com.medicarewizard.adapter.dynamodb;

import static com.medicarewizard.adapter.dynamodb.AttributeValues.s;

import com.medicarewizard.adapter.layout.Attributes;
import com.medicarewizard.adapter.layout.ItemLayout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The one table of {@link ItemLayout} as the DynamoDB adapters use it: the client (shared, owned by
 * the caller: one per container) and the table's name, with the few operations they share. Reads
 * of single items are strongly consistent, as the embedded table's are.
 */
public final class DynamoDbTable {

    private final DynamoDbClient client;
    private final String name;

    public DynamoDbTable(DynamoDbClient client, String name) {
        this.client = Objects.requireNonNull(client, "client");
        this.name = Objects.requireNonNull(name, "table name");
    }

    DynamoDbClient client() {
        return client;
    }

    String name() {
        return name;
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(ItemLayout.PK, s(pk), ItemLayout.SK, s(sk));
    }

    Optional<Attributes> get(String pk, String sk) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(name).key(key(pk, sk)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(AttributeValues.fromDynamo(item));
    }

    /**
     * Puts the item if {@code condition} holds; answers false when it does not (nothing written).
     * The failed condition asks for the item that is there (ALL_OLD).
     */
    boolean putIf(Map<String, Object> item, Condition condition) {
        try {
            client.putItem(put(item, condition));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** Like {@link #putIf}, but answers what is stored when the condition failed (empty when nothing is). */
    Optional<Optional<Attributes>> putOrCurrent(Map<String, Object> item, Condition condition) {
        try {
            client.putItem(put(item, condition));
            return Optional.empty();
        } catch (ConditionalCheckFailedException e) {
            return Optional.of(current(e.item(), (String) item.get(ItemLayout.PK), (String) item.get(ItemLayout.SK)));
        }
    }

    /**
     * What was there when a condition failed: the returned old item where the server sends it
     * (DynamoDB does with ALL_OLD), else read again — the item can only have moved on since.
     */
    Optional<Attributes> current(Map<String, AttributeValue> returned, String pk, String sk) {
        return returned != null && !returned.isEmpty() ? Optional.of(AttributeValues.fromDynamo(returned)) : get(pk, sk);
    }

    PutItemRequest put(Map<String, Object> item, Condition condition) {
        PutItemRequest.Builder put = PutItemRequest.builder().tableName(name).item(AttributeValues.toDynamo(item));
        condition.applyTo(put);
        return put.returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build();
    }

    void putAlways(Map<String, Object> item) {
        client.putItem(b -> b.tableName(name).item(AttributeValues.toDynamo(item)));
    }

    void delete(String pk, String sk) {
        client.deleteItem(b -> b.tableName(name).key(key(pk, sk)));
    }

    /** Every page of a query, items in the index's order; {@code limit} items at most. */
    List<Attributes> query(Consumer<QueryRequest.Builder> request, int limit) {
        List<Attributes> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder builder = QueryRequest.builder().tableName(name);
            request.accept(builder);
            builder.exclusiveStartKey(start);
            if (limit < Integer.MAX_VALUE) {
                builder.limit(limit - items.size());
            }
            QueryResponse page = client.query(builder.build());
            page.items().forEach(item -> items.add(AttributeValues.fromDynamo(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && items.size() < limit);
        return items;
    }
}
