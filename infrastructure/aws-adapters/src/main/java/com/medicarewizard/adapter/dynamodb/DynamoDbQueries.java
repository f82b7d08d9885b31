package com.medicarewizard.adapter.dynamodb;

import com.medicarewizard.table.IndexDefinition;
import com.medicarewizard.table.Item;
import com.medicarewizard.table.Query;
import com.medicarewizard.table.SortRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link Query}s as DynamoDB Query requests, every page read until the limit. A sort range
 * {@code BETWEEN "" AND x} is sent as {@code <= x}: DynamoDB refuses empty strings as key values.
 */
final class DynamoDbQueries {

    private final DynamoDbClient client;
    private final String table;
    private final Map<String, IndexDefinition> indexes;

    DynamoDbQueries(DynamoDbClient client, String table, List<IndexDefinition> indexes) {
        this.client = client;
        this.table = table;
        this.indexes = indexes.stream().collect(Collectors.toMap(IndexDefinition::name, Function.identity()));
    }

    List<Item> items(Query query) {
        return pages(request(query, false), query.limit(), AttributeValues::fromDynamo);
    }

    List<String> sortKeys(String pk, SortRange range) {
        return pages(request(Query.table(pk, range), true), Query.NO_LIMIT, item -> item.get(Item.SK).s());
    }

    QueryRequest request(Query query, boolean keysOnly) {
        IndexDefinition index = query.index().map(this::index).orElse(null);
        String partition = index == null ? Item.PK : index.partitionAttribute();
        String sort = index == null ? Item.SK : index.sortAttribute();
        Expressions expressions = new Expressions();
        String keyCondition = expressions.name(partition) + " = " + expressions.value(AttributeValue.fromS(query.partition()))
                + sortCondition(expressions, sort, query.range());
        QueryRequest.Builder request = QueryRequest.builder().tableName(table)
                .indexName(index == null ? null : index.name())
                .consistentRead(index == null && query.consistent())
                .keyConditionExpression(keyCondition)
                .scanIndexForward(query.ascending());
        if (keysOnly) {
            request.projectionExpression(expressions.name(Item.PK) + ", " + expressions.name(Item.SK));
        }
        return request.expressionAttributeNames(expressions.names()).expressionAttributeValues(expressions.values()).build();
    }

    private IndexDefinition index(String name) {
        IndexDefinition index = indexes.get(name);
        if (index == null) {
            throw new IllegalArgumentException("no index " + name);
        }
        return index;
    }

    private static String sortCondition(Expressions expressions, String sort, SortRange range) {
        return switch (range) {
            case SortRange.All all -> "";
            case SortRange.Between(String from, String to) when from.isEmpty() ->
                    " AND " + expressions.name(sort) + " <= " + expressions.value(AttributeValue.fromS(to));
            case SortRange.Between(String from, String to) -> " AND " + expressions.name(sort) + " BETWEEN "
                    + expressions.value(AttributeValue.fromS(from)) + " AND " + expressions.value(AttributeValue.fromS(to));
            case SortRange.BeginsWith(String prefix) when prefix.isEmpty() -> "";
            case SortRange.BeginsWith(String prefix) ->
                    " AND begins_with(" + expressions.name(sort) + ", " + expressions.value(AttributeValue.fromS(prefix)) + ")";
        };
    }

    private <T> List<T> pages(QueryRequest first, int limit, Function<Map<String, AttributeValue>, T> read) {
        List<T> results = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder page = first.toBuilder().exclusiveStartKey(start);
            if (limit < Query.NO_LIMIT) {
                page.limit(limit - results.size());
            }
            QueryResponse response = client.query(page.build());
            response.items().forEach(item -> results.add(read.apply(item)));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null && results.size() < limit);
        return results;
    }
}
