package com.medicarewizard.runtime.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.adapter.embedded.table.ItemChange;
import com.medicarewizard.runtime.stream.DynamodbEventAssembler;
import com.medicarewizard.table.CancellationReason;
import com.medicarewizard.table.Condition;
import com.medicarewizard.table.ConditionFailedException;
import com.medicarewizard.table.IndexDefinition;
import com.medicarewizard.table.Item;
import com.medicarewizard.table.Key;
import com.medicarewizard.table.Query;
import com.medicarewizard.table.TransactionCanceledException;
import com.medicarewizard.table.Update;
import com.medicarewizard.table.Write;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * DynamoDB's data and table operations on one {@link EmbeddedTable}: the requests read as the
 * service reads them (the table's name, keys, expressions, return-value options), executed by the
 * embedded table (whose conditions, transactions and stream are DynamoDB's semantics), answered
 * in the service's JSON. What the table refuses (an item too large, a transaction on one key
 * twice, an empty key) answers a ValidationException with its reason and changes nothing. Each
 * call that reaches the table is charged the capacity units DynamoDB would charge it
 * ({@link CapacityUnits}), a failed condition and a cancelled transaction included.
 */
final class TableApi {

    /** Query's page size limit in DynamoDB: a page stops once it has read this much. */
    static final int MAX_PAGE_BYTES = 1024 * 1024;
    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final EmbeddedTable table;
    private final String name;
    private final String region;
    private final String account;
    private final Faults faults;
    private final CapacityMeter capacity;

    TableApi(EmbeddedTable table, String name, String region, String account, Faults faults, CapacityMeter capacity) {
        this.table = table;
        this.name = name;
        this.region = region;
        this.account = account;
        this.faults = faults;
        this.capacity = capacity;
    }

    String streamArn() {
        return DynamodbEventAssembler.streamArn(region, name);
    }

    ObjectNode handle(String operation, JsonNode request) {
        Consumption.requested(request);
        return switch (operation) {
            case "GetItem" -> getItem(request);
            case "BatchGetItem" -> batchGetItem(request);
            case "PutItem" -> putItem(request);
            case "UpdateItem" -> updateItem(request);
            case "DeleteItem" -> deleteItem(request);
            case "Query" -> query(request);
            case "TransactWriteItems" -> transactWriteItems(request);
            case "DescribeTable" -> describeTable(request);
            case "CreateTable" -> createTable(request);
            case "ListTables" -> listTables();
            default -> throw WireError.unknownOperation("DynamoDB_20120810." + operation);
        };
    }

    private ObjectNode getItem(JsonNode request) {
        requireTable(request);
        Key key = WireValues.key(request.get("Key"));
        Expressions x = new Expressions(request);
        Set<String> projection = x.projection(text(request, "ProjectionExpression"));
        x.requireAllUsed();
        ObjectNode answer = JSON.objectNode();
        Optional<Item> item = table.get(key);
        item.ifPresent(i -> answer.set("Item", WireValues.image(i, projection)));
        boolean consistent = request.path("ConsistentRead").asBoolean(false);
        return charged("GetItem", request, CapacityUnits.getItem(item, consistent), answer);
    }

    /**
     * BatchGetItem on the one table: 1 to 100 distinct keys, each read as GetItem reads it, all answered
     * at once (the table is in memory: nothing is left in {@code UnprocessedKeys}). Charged as DynamoDB
     * charges a batch read, item by item, each rounded up to 4 KB with a missing one at the minimum.
     */
    private ObjectNode batchGetItem(JsonNode request) {
        JsonNode requested = request.path("RequestItems");
        if (!requested.isObject() || requested.isEmpty()) {
            throw WireError.validation("1 validation error detected: Value null at 'requestItems' failed to satisfy "
                    + "constraint: Member must have length greater than or equal to 1");
        }
        requested.fieldNames().forEachRemaining(table -> {
            if (!name.equals(table)) {
                throw WireError.resourceNotFound("Requested resource not found: Table: " + table + " not found");
            }
        });
        JsonNode ask = requested.get(name);
        JsonNode keyNodes = ask.path("Keys");
        if (!keyNodes.isArray() || keyNodes.isEmpty() || keyNodes.size() > 100) {
            throw WireError.validation("Too many items requested for the BatchGetItem call");
        }
        List<Key> keys = new ArrayList<>();
        keyNodes.forEach(node -> keys.add(WireValues.key(node)));
        if (Set.copyOf(keys).size() != keys.size()) {
            throw WireError.validation("Provided list of item keys contains duplicates");
        }
        Expressions x = new Expressions(ask);
        Set<String> projection = x.projection(text(ask, "ProjectionExpression"));
        x.requireAllUsed();
        boolean consistent = ask.path("ConsistentRead").asBoolean(false);
        ObjectNode answer = JSON.objectNode();
        ArrayNode found = answer.putObject("Responses").putArray(name);
        answer.putObject("UnprocessedKeys");
        double units = 0;
        for (Key key : keys) {
            Optional<Item> item = table.get(key);
            units += CapacityUnits.getItem(item, consistent).table();
            item.ifPresent(i -> found.add(WireValues.image(i, projection)));
        }
        return charged("BatchGetItem", request, Consumption.read(units, Map.of()), answer);
    }

    private ObjectNode putItem(JsonNode request) {
        requireTable(request);
        Item item = WireValues.item(request.get("Item"));
        return writeAnsweringOld("PutItem", request, condition -> Write.put(item, condition));
    }

    private ObjectNode updateItem(JsonNode request) {
        requireTable(request);
        Key key = WireValues.key(request.get("Key"));
        Expressions x = new Expressions(request);
        Update update = x.update(text(request, "UpdateExpression"));
        Condition condition = x.condition(text(request, "ConditionExpression"));
        x.requireAllUsed();
        boolean allNew = returnValues(request, "NONE", "ALL_NEW").equals("ALL_NEW");
        ItemChange change = guarded("UpdateItem", request, Write.update(key, update, condition));
        return charged("UpdateItem", request, CapacityUnits.written(change, table.indexes()),
                attributes(allNew ? change.newImage() : Optional.empty()));
    }

    private ObjectNode deleteItem(JsonNode request) {
        requireTable(request);
        Key key = WireValues.key(request.get("Key"));
        return writeAnsweringOld("DeleteItem", request, condition -> Write.delete(key, condition));
    }

    /** PutItem and DeleteItem: a conditional write that answers the old item if asked (ALL_OLD). */
    private ObjectNode writeAnsweringOld(String operation, JsonNode request, Function<Condition, Write> write) {
        Expressions x = new Expressions(request);
        Condition condition = x.condition(text(request, "ConditionExpression"));
        x.requireAllUsed();
        boolean allOld = returnValues(request, "NONE", "ALL_OLD").equals("ALL_OLD");
        ItemChange change = guarded(operation, request, write.apply(condition));
        return charged(operation, request, CapacityUnits.written(change, table.indexes()),
                attributes(allOld ? change.oldImage() : Optional.empty()));
    }

    private static ObjectNode attributes(Optional<Item> item) {
        ObjectNode answer = JSON.objectNode();
        item.ifPresent(i -> answer.set("Attributes", WireValues.image(i, Set.of())));
        return answer;
    }

    /**
     * Runs a single-item write; a failed condition answers ConditionalCheckFailedException, with the
     * item if asked, having consumed capacity as DynamoDB charges it.
     */
    private ItemChange guarded(String operation, JsonNode request, Write write) {
        boolean allOld = onConditionFailure(request);
        try {
            return table.write(write);
        } catch (ConditionFailedException e) {
            capacity.charge(operation, CapacityUnits.failed(CapacityUnits.attempted(write, e.current())));
            WireError error = WireError.conditionalCheckFailed();
            if (allOld) {
                e.current().ifPresent(item -> error.body().set("Item", WireValues.image(item, Set.of())));
            }
            throw error;
        } catch (IllegalArgumentException e) {
            throw WireError.validation("One or more parameter values were invalid: " + e.getMessage());
        }
    }

    private ObjectNode query(JsonNode request) {
        requireTable(request);
        Optional<IndexDefinition> index = Optional.ofNullable(text(request, "IndexName")).map(this::index);
        String partitionAttribute = index.map(IndexDefinition::partitionAttribute).orElse(Item.PK);
        String sortAttribute = index.map(IndexDefinition::sortAttribute).orElse(Item.SK);
        if (index.isPresent() && request.path("ConsistentRead").asBoolean(false)) {
            throw WireError.validation("Consistent reads are not supported on global secondary indexes");
        }
        if (request.has("Select") && !"ALL_ATTRIBUTES".equals(text(request, "Select"))
                && !"SPECIFIC_ATTRIBUTES".equals(text(request, "Select"))) {
            throw WireError.validation("This endpoint serves Select ALL_ATTRIBUTES and SPECIFIC_ATTRIBUTES only");
        }
        if (request.has("FilterExpression")) {
            throw WireError.validation("This endpoint serves no FilterExpression (the adapters use none)");
        }
        Expressions x = new Expressions(request);
        Expressions.KeyCondition key = x.keyCondition(text(request, "KeyConditionExpression"), partitionAttribute,
                sortAttribute);
        Set<String> projection = x.projection(text(request, "ProjectionExpression"));
        x.requireAllUsed();
        int limit = limit(request);
        boolean ascending = request.path("ScanIndexForward").asBoolean(true);
        Optional<Item> start = exclusiveStart(request.get("ExclusiveStartKey"), index);
        Query query = new Query(index.map(IndexDefinition::name), key.partition(), key.range(), limit, ascending);
        List<Item> read = table.query(query, start);
        List<Item> page = new ArrayList<>();
        int bytes = 0;
        for (Item item : read) {
            bytes += item.sizeBytes();
            if (!page.isEmpty() && bytes > MAX_PAGE_BYTES) {
                break;
            }
            page.add(item);
        }
        ObjectNode answer = JSON.objectNode();
        ArrayNode items = answer.putArray("Items");
        page.forEach(item -> items.add(WireValues.image(item, projection)));
        answer.put("Count", page.size()).put("ScannedCount", page.size());
        if (!page.isEmpty() && (page.size() < read.size() || page.size() == limit)) {
            answer.set("LastEvaluatedKey", lastEvaluatedKey(page.getLast(), index));
        }
        boolean consistent = request.path("ConsistentRead").asBoolean(false);
        return charged("Query", request, CapacityUnits.query(page, index.map(IndexDefinition::name), consistent),
                answer);
    }

    private static int limit(JsonNode request) {
        JsonNode limit = request.get("Limit");
        if (limit == null || limit.isNull()) {
            return Query.NO_LIMIT;
        }
        if (!limit.canConvertToInt() || limit.intValue() < 1) {
            throw WireError.validation("1 validation error detected: Value '" + limit.asText()
                    + "' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
        }
        return limit.intValue();
    }

    /** The start key: the table's key, and for an index query the index's key attributes too. */
    private Optional<Item> exclusiveStart(JsonNode node, Optional<IndexDefinition> index) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        Set<String> expected = keyAttributes(index);
        Set<String> given = new LinkedHashSet<>();
        node.fieldNames().forEachRemaining(given::add);
        if (!given.equals(expected)) {
            throw WireError.validation("The provided starting key is invalid: The provided key element does not match "
                    + "the schema");
        }
        Item start = WireValues.item(node);
        for (String attribute : expected) {
            if (!(start.attributes().get(attribute) instanceof String)) {
                throw WireError.validation("The provided starting key is invalid: The provided key element does not "
                        + "match the schema");
            }
        }
        return Optional.of(start);
    }

    private static Set<String> keyAttributes(Optional<IndexDefinition> index) {
        Set<String> attributes = new LinkedHashSet<>(List.of(Item.PK, Item.SK));
        index.ifPresent(i -> {
            attributes.add(i.partitionAttribute());
            attributes.add(i.sortAttribute());
        });
        return attributes;
    }

    private static ObjectNode lastEvaluatedKey(Item item, Optional<IndexDefinition> index) {
        ObjectNode key = JSON.objectNode();
        for (String attribute : keyAttributes(index)) {
            key.set(attribute, WireValues.image(item, Set.of(attribute)).get(attribute));
        }
        return key;
    }

    private ObjectNode transactWriteItems(JsonNode request) {
        JsonNode items = request.get("TransactItems");
        if (items == null || !items.isArray() || items.isEmpty() || items.size() > 100) {
            throw WireError.validation("1 validation error detected: Value at 'transactItems' failed to satisfy "
                    + "constraint: Member must have length less than or equal to 100, and greater than or equal to 1");
        }
        List<Write> writes = new ArrayList<>(items.size());
        List<Boolean> allOld = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            if (item.size() != 1) {
                throw WireError.validation("TransactItems can only contain one of Check, Put, Update or Delete");
            }
            String action = item.fieldNames().next();
            JsonNode body = item.get(action);
            requireTable(body);
            Expressions x = new Expressions(body);
            Condition condition = x.condition(text(body, "ConditionExpression"));
            writes.add(switch (action) {
                case "Put" -> Write.put(WireValues.item(body.get("Item")), condition);
                case "Update" -> Write.update(WireValues.key(body.get("Key")), x.update(text(body, "UpdateExpression")),
                        condition);
                case "Delete" -> Write.delete(WireValues.key(body.get("Key")), condition);
                case "ConditionCheck" -> {
                    if (text(body, "ConditionExpression") == null) {
                        throw WireError.validation("The ConditionCheck of a transaction needs a ConditionExpression");
                    }
                    yield Write.check(WireValues.key(body.get("Key")), condition);
                }
                default -> throw WireError.validation("TransactItems can only contain one of Check, Put, Update or "
                        + "Delete, not " + action);
            });
            x.requireAllUsed();
            allOld.add(onConditionFailure(body));
        }
        try {
            Write.validateTransaction(writes);
        } catch (IllegalArgumentException e) {
            throw WireError.validation(e.getMessage());
        }
        List<Integer> conflicting = faults.takeConflict(writes.stream().map(Write::key).toList());
        if (!conflicting.isEmpty()) {
            capacity.charge("TransactWriteItems", CapacityUnits.cancelled(writes, List.of(), table::get));
            throw conflict(writes.size(), conflicting);
        }
        try {
            List<ItemChange> changes = table.transactChanges(writes);
            return charged("TransactWriteItems", request, CapacityUnits.transaction(changes, table.indexes()),
                    JSON.objectNode());
        } catch (TransactionCanceledException e) {
            capacity.charge("TransactWriteItems", CapacityUnits.cancelled(writes, e.reasons(), table::get));
            throw canceled(e.reasons(), allOld);
        } catch (IllegalArgumentException e) {
            throw WireError.validation("One or more parameter values were invalid: " + e.getMessage());
        }
    }

    /** Counts the call's units; adds them to the answer when the request asks for them. */
    private ObjectNode charged(String operation, JsonNode request, Consumption consumption, ObjectNode answer) {
        capacity.charge(operation, consumption);
        return consumption.answer(request, name,
                operation.equals("TransactWriteItems") || operation.equals("BatchGetItem"), answer);
    }

    private static WireError canceled(List<CancellationReason> reasons, List<Boolean> allOld) {
        WireError error = WireError.transactionCanceled("Transaction cancelled, please refer cancellation reasons for "
                + "specific reasons " + reasons.stream().map(CancellationReason::code).toList());
        ArrayNode array = error.body().putArray("CancellationReasons");
        for (int i = 0; i < reasons.size(); i++) {
            CancellationReason reason = reasons.get(i);
            ObjectNode node = array.addObject().put("Code", reason.code());
            if (reason.conditionFailed()) {
                node.put("Message", "The conditional request failed");
                if (allOld.get(i)) {
                    reason.current().ifPresent(item -> node.set("Item", WireValues.image(item, Set.of())));
                }
            }
        }
        return error;
    }

    /** An injected conflict: as DynamoDB answers a transaction that met another on an item. */
    private static WireError conflict(int size, List<Integer> conflicting) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            codes.add(conflicting.contains(i) ? "TransactionConflict" : CancellationReason.NONE);
        }
        WireError error = WireError.transactionCanceled("Transaction cancelled, please refer cancellation reasons for "
                + "specific reasons " + codes);
        ArrayNode array = error.body().putArray("CancellationReasons");
        codes.forEach(code -> {
            ObjectNode node = array.addObject().put("Code", code);
            if (!code.equals(CancellationReason.NONE)) {
                node.put("Message", "Transaction is ongoing for the item");
            }
        });
        return error;
    }

    private ObjectNode describeTable(JsonNode request) {
        requireTable(request);
        ObjectNode answer = JSON.objectNode();
        answer.set("Table", description());
        return answer;
    }

    private ObjectNode createTable(JsonNode request) {
        String requested = text(request, "TableName");
        if (name.equals(requested)) {
            throw WireError.of("ResourceInUseException", "Table already exists: " + name);
        }
        throw WireError.of("LimitExceededException", "This endpoint serves one table, " + name + ", which exists; "
                + "it cannot create " + requested);
    }

    private ObjectNode listTables() {
        ObjectNode answer = JSON.objectNode();
        answer.putArray("TableNames").add(name);
        return answer;
    }

    /** The table as DescribeTable shows it: key schema, indexes, on demand, the stream with both images. */
    private ObjectNode description() {
        ObjectNode description = JSON.objectNode();
        description.put("TableName", name);
        description.put("TableStatus", "ACTIVE");
        description.put("TableArn", "arn:aws:dynamodb:" + region + ":" + account + ":table/" + name);
        description.put("TableId", "00000000-0000-0000-0000-000000000000");
        description.put("CreationDateTime", CREATED.getEpochSecond());
        description.put("ItemCount", table.size());
        description.put("TableSizeBytes", 0);
        Set<String> attributes = new LinkedHashSet<>(List.of(Item.PK, Item.SK));
        table.indexes().forEach(index -> {
            attributes.add(index.partitionAttribute());
            attributes.add(index.sortAttribute());
        });
        ArrayNode definitions = description.putArray("AttributeDefinitions");
        attributes.forEach(a -> definitions.addObject().put("AttributeName", a).put("AttributeType", "S"));
        description.set("KeySchema", keySchema(Item.PK, Item.SK));
        ArrayNode indexes = description.putArray("GlobalSecondaryIndexes");
        for (IndexDefinition index : table.indexes()) {
            ObjectNode node = indexes.addObject().put("IndexName", index.name());
            node.set("KeySchema", keySchema(index.partitionAttribute(), index.sortAttribute()));
            node.putObject("Projection").put("ProjectionType", "ALL");
            node.put("IndexStatus", "ACTIVE");
            node.put("IndexArn", description.get("TableArn").asText() + "/index/" + index.name());
        }
        description.putObject("BillingModeSummary").put("BillingMode", "PAY_PER_REQUEST");
        description.putObject("StreamSpecification").put("StreamEnabled", true)
                .put("StreamViewType", "NEW_AND_OLD_IMAGES");
        description.put("LatestStreamArn", streamArn());
        description.put("LatestStreamLabel", DynamodbEventAssembler.STREAM_LABEL);
        return description;
    }

    static ArrayNode keySchema(String partition, String sort) {
        ArrayNode schema = JSON.arrayNode();
        schema.addObject().put("AttributeName", partition).put("KeyType", "HASH");
        schema.addObject().put("AttributeName", sort).put("KeyType", "RANGE");
        return schema;
    }

    private IndexDefinition index(String indexName) {
        return table.indexes().stream().filter(i -> i.name().equals(indexName)).findFirst()
                .orElseThrow(() -> WireError.validation("The table does not have the specified index: " + indexName));
    }

    private void requireTable(JsonNode request) {
        String requested = text(request, "TableName");
        if (requested == null) {
            throw WireError.validation("1 validation error detected: Value null at 'tableName' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        if (!name.equals(requested)) {
            throw WireError.resourceNotFound("Requested resource not found: Table: " + requested + " not found");
        }
    }

    private static String returnValues(JsonNode request, String... served) {
        String value = Optional.ofNullable(text(request, "ReturnValues")).orElse("NONE");
        if (!List.of(served).contains(value)) {
            throw WireError.validation("This endpoint serves ReturnValues " + String.join(" and ", served)
                    + " for this operation, not " + value);
        }
        return value;
    }

    private static boolean onConditionFailure(JsonNode request) {
        String value = Optional.ofNullable(text(request, "ReturnValuesOnConditionCheckFailure")).orElse("NONE");
        if (!value.equals("NONE") && !value.equals("ALL_OLD")) {
            throw WireError.validation("1 validation error detected: Value '" + value + "' at "
                    + "'returnValuesOnConditionCheckFailure' failed to satisfy constraint: Member must satisfy enum "
                    + "value set: [ALL_OLD, NONE]");
        }
        return value.equals("ALL_OLD");
    }

    static String text(JsonNode request, String field) {
        JsonNode node = request == null ? null : request.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}
