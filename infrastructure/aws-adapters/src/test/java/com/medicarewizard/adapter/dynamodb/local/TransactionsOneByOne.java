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
 * except a transaction of conditional Puts, which is sent as one conditional PutItem per item, under
 * one lock (transactions never interleave) and undone (what each put replaced is put back) when a condition fails, answering the
 * {@link TransactionCanceledException} DynamoDB would: a reason per item, {@code ConditionalCheckFailed}
 * with the stored item for the failed one. Its limits, which the adapters do not meet: only Puts,
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
        List<Put> puts = request.transactItems().stream().map(TransactWriteItem::put).toList();
        if (puts.contains(null)) {
            throw new UnsupportedOperationException("only Puts are emulated");
        }
        if (conflicts > 0) {
            conflicts--;
            Runnable first = racer;
            racer = () -> { };
            first.run();
            throw conflicted(puts);
        }
        List<Map.Entry<Put, Map<String, AttributeValue>>> done = new ArrayList<>();
        for (int i = 0; i < puts.size(); i++) {
            Put put = puts.get(i);
            Map<String, AttributeValue> before = stored(put);
            try {
                server.putItem(PutItemRequest.builder().tableName(put.tableName()).item(put.item())
                        .conditionExpression(put.conditionExpression())
                        .expressionAttributeNames(put.expressionAttributeNames())
                        .expressionAttributeValues(put.expressionAttributeValues()).build());
                done.add(Map.entry(put, before));
            } catch (ConditionalCheckFailedException e) {
                done.reversed().forEach(this::undo);
                throw canceled(puts, i);
            }
        }
        return TransactWriteItemsResponse.builder().build();
    }

    private Map<String, AttributeValue> stored(Put put) {
        return server.getItem(b -> b.tableName(put.tableName()).consistentRead(true).key(key(put))).item();
    }

    private static Map<String, AttributeValue> key(Put put) {
        return Map.of("pk", put.item().get("pk"), "sk", put.item().get("sk"));
    }

    /** Puts back what the put replaced, or deletes what it created. */
    private void undo(Map.Entry<Put, Map<String, AttributeValue>> done) {
        Put put = done.getKey();
        if (done.getValue() == null || done.getValue().isEmpty()) {
            server.deleteItem(b -> b.tableName(put.tableName()).key(key(put)));
        } else {
            server.putItem(b -> b.tableName(put.tableName()).item(done.getValue()));
        }
    }

    private TransactionCanceledException canceled(List<Put> puts, int failed) {
        List<CancellationReason> reasons = new ArrayList<>();
        for (int i = 0; i < puts.size(); i++) {
            if (i == failed) {
                Put put = puts.get(i);
                Map<String, AttributeValue> stored = server.getItem(b -> b.tableName(put.tableName()).consistentRead(true)
                        .key(Map.of("pk", put.item().get("pk"), "sk", put.item().get("sk")))).item();
                reasons.add(CancellationReason.builder().code("ConditionalCheckFailed")
                        .message("The conditional request failed").item(stored).build());
            } else {
                reasons.add(CancellationReason.builder().code("None").build());
            }
        }
        return TransactionCanceledException.builder().message("Transaction cancelled")
                .cancellationReasons(reasons).build();
    }

    private TransactionCanceledException conflicted(List<Put> puts) {
        List<Boolean> held = puts.stream().map(this::stored).map(item -> item != null && !item.isEmpty()).toList();
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
