package com.medicarewizard.adapter.dynamodb.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * A client for dynalite, which has no TransactWriteItems: everything goes to the server as it is,
 * except a transaction of conditional Puts and Deletes, which is sent as one conditional PutItem or DeleteItem per item, under
 * one lock (transactions never interleave) and undone (what each put replaced is put back) when a condition fails, answering the
 * {@link TransactionCanceledException} DynamoDB would: a reason per item, {@code ConditionalCheckFailed}
 * with the stored item for the failed one. Its limits, which the adapters do not meet: only Puts and Deletes,
 * only the first failed condition is reported, and single writes outside transactions may see a
 * transaction half done. It can also be told to cancel transactions with {@code TransactionConflict}. The requests the adapters build are asserted apart, on the real types.
 */
final class TransactionsOneByOne implements DynamoDbClient {

    private final DynamoDbClient server;
    private int conflicts;
    private Runnable racer;

    TransactionsOneByOne(DynamoDbClient server) {
        this(server, 0, () -> { });
    }

    /**
     * Cancels the first {@code conflicts} transactions with {@code TransactionConflict}, as DynamoDB
     * does when another transaction is under way on an item: before the first, {@code racer} runs
     * (that other transaction, e.g. the first click of a double click), and the items it left in
     * place are the conflicting ones, the others {@code None}; when it left none, all conflict (it is
     * still under way).
     */
    TransactionsOneByOne(DynamoDbClient server, int conflicts, Runnable racer) {
        this.server = server;
        this.conflicts = conflicts;
        this.racer = racer;
    }

    @Override
    public synchronized TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
        List<Step> steps = request.transactItems().stream().map(Step::of).toList();
        if (conflicts > 0) {
            conflicts--;
            Runnable first = racer;
            racer = () -> { };
            first.run();
            throw conflicted(steps);
        }
        List<Map.Entry<Step, Map<String, AttributeValue>>> done = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            Map<String, AttributeValue> before = stored(step);
            try {
                step.apply(server);
                done.add(Map.entry(step, before));
            } catch (ConditionalCheckFailedException e) {
                done.reversed().forEach(this::undo);
                throw canceled(steps, i);
            }
        }
        return TransactWriteItemsResponse.builder().build();
    }

    /** One write of a transaction: a conditional Put or Delete (the only kinds emulated). */
    private record Step(String tableName, Map<String, AttributeValue> key, Put put, Delete delete) {
        static Step of(TransactWriteItem item) {
            if (item.put() != null) {
                Put put = item.put();
                return new Step(put.tableName(), Map.of("pk", put.item().get("pk"), "sk", put.item().get("sk")), put, null);
            }
            if (item.delete() != null) {
                return new Step(item.delete().tableName(), item.delete().key(), null, item.delete());
            }
            throw new UnsupportedOperationException("only Puts and Deletes are emulated");
        }

        void apply(DynamoDbClient server) {
            if (put != null) {
                server.putItem(PutItemRequest.builder().tableName(tableName).item(put.item())
                        .conditionExpression(put.conditionExpression())
                        .expressionAttributeNames(put.expressionAttributeNames())
                        .expressionAttributeValues(put.expressionAttributeValues()).build());
            } else {
                server.deleteItem(DeleteItemRequest.builder().tableName(tableName).key(key)
                        .conditionExpression(delete.conditionExpression())
                        .expressionAttributeNames(delete.expressionAttributeNames())
                        .expressionAttributeValues(delete.expressionAttributeValues()).build());
            }
        }
    }

    private Map<String, AttributeValue> stored(Step step) {
        return server.getItem(b -> b.tableName(step.tableName()).consistentRead(true).key(step.key())).item();
    }

    /** Puts back what the write replaced or deleted, or deletes what it created. */
    private void undo(Map.Entry<Step, Map<String, AttributeValue>> done) {
        Step step = done.getKey();
        if (done.getValue() == null || done.getValue().isEmpty()) {
            server.deleteItem(b -> b.tableName(step.tableName()).key(step.key()));
        } else {
            server.putItem(b -> b.tableName(step.tableName()).item(done.getValue()));
        }
    }

    private TransactionCanceledException canceled(List<Step> steps, int failed) {
        List<CancellationReason> reasons = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (i == failed) {
                reasons.add(CancellationReason.builder().code("ConditionalCheckFailed")
                        .message("The conditional request failed").item(stored(steps.get(i))).build());
            } else {
                reasons.add(CancellationReason.builder().code("None").build());
            }
        }
        return TransactionCanceledException.builder().message("Transaction cancelled")
                .cancellationReasons(reasons).build();
    }

    private TransactionCanceledException conflicted(List<Step> steps) {
        List<Boolean> held = steps.stream().map(this::stored).map(item -> item != null && !item.isEmpty()).toList();
        boolean anyHeld = held.contains(true);
        List<CancellationReason> reasons = held.stream().map(h -> h || !anyHeld
                ? CancellationReason.builder().code("TransactionConflict").message("Transaction is ongoing for the item")
                        .build()
                : CancellationReason.builder().code("None").build()).toList();
        return TransactionCanceledException.builder().message("Transaction cancelled")
                .cancellationReasons(reasons).build();
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        return server.getItem(request);
    }

    @Override
    public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
        return server.batchGetItem(request);
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
        return server.putItem(request);
    }

    @Override
    public DeleteItemResponse deleteItem(DeleteItemRequest request) {
        return server.deleteItem(request);
    }

    @Override
    public UpdateItemResponse updateItem(UpdateItemRequest request) {
        return server.updateItem(request);
    }

    @Override
    public QueryResponse query(QueryRequest request) {
        return server.query(request);
    }

    @Override
    public CreateTableResponse createTable(CreateTableRequest request) {
        return server.createTable(request);
    }

    @Override
    public String serviceName() {
        return server.serviceName();
    }

    /** The server's client is shared by the whole run. */
    @Override
    public void close() {
    }
}
