package com.medicarewizard.runtime.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.adapter.dynamodb.local.DynaliteExtension;
import com.medicarewizard.table.layout.ItemLayout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The wire endpoint held to what dynalite answers where both serve an operation: the same requests,
 * in the shapes the adapters send, on a table of each, must give the same items, keys and errors.
 */
@ExtendWith({DynaliteExtension.class, EndpointExtension.class})
class EndpointAgainstDynaliteIT {

    private static final Map<String, String> NAMES = Map.of("#p", "pk", "#s", "sk", "#o", "owner", "#l", "log");

    private static Map<String, AttributeValue> item(String pk, String sk, String owner) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk), "owner", AttributeValue.fromS(owner),
                ItemLayout.PATIENT_ID, AttributeValue.fromS("p1"), ItemLayout.START, AttributeValue.fromS("2026-" + sk));
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }

    /** One step: what it answered, or the code of the error it threw. */
    private static Object outcome(BiFunction<DynamoDbClient, String, Object> step, DynamoDbClient client, String table) {
        try {
            return step.apply(client, table);
        } catch (DynamoDbException e) {
            return e.awsErrorDetails().errorCode();
        }
    }

    private static final List<BiFunction<DynamoDbClient, String, Object>> STEPS = List.of(
            (c, t) -> c.putItem(b -> b.tableName(t).item(item("A", "1", "ann")).conditionExpression("attribute_not_exists(#p)")
                    .expressionAttributeNames(Map.of("#p", "pk")).returnValues(ReturnValue.ALL_OLD)).attributes(),
            (c, t) -> c.putItem(b -> b.tableName(t).item(item("A", "1", "bob")).conditionExpression("attribute_not_exists(#p)")
                    .expressionAttributeNames(Map.of("#p", "pk"))).attributes(),
            (c, t) -> c.putItem(b -> b.tableName(t).item(item("A", "2", "bob"))).attributes(),
            (c, t) -> c.putItem(b -> b.tableName(t).item(item("A", "3", "cid"))).attributes(),
            (c, t) -> c.updateItem(b -> b.tableName(t).key(key("A", "1"))
                    .updateExpression("SET #l = list_append(if_not_exists(#l, :e), :v) ADD #n :one")
                    .conditionExpression("(attribute_exists(#p) AND (NOT #o = :x))")
                    .expressionAttributeNames(Map.of("#l", "log", "#n", "n", "#p", "pk", "#o", "owner"))
                    .expressionAttributeValues(Map.of(":e", AttributeValue.fromL(List.of()),
                            ":v", AttributeValue.fromL(List.of(AttributeValue.fromS("a"))),
                            ":one", AttributeValue.fromN("1"), ":x", AttributeValue.fromS("bob")))
                    .returnValues(ReturnValue.ALL_NEW)).attributes(),
            (c, t) -> c.updateItem(b -> b.tableName(t).key(key("A", "1")).updateExpression("REMOVE #o")
                    .conditionExpression("size(#l) = :two").expressionAttributeNames(Map.of("#l", "log", "#o", "owner"))
                    .expressionAttributeValues(Map.of(":two", AttributeValue.fromN("2")))).attributes(),
            (c, t) -> c.getItem(b -> b.tableName(t).key(key("A", "1")).consistentRead(true)).item(),
            (c, t) -> {
                var page = c.query(b -> b.tableName(t).keyConditionExpression("#p = :p AND #s BETWEEN :a AND :b")
                        .expressionAttributeNames(Map.of("#p", "pk", "#s", "sk")).limit(2).scanIndexForward(false)
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("A"), ":a", AttributeValue.fromS("1"),
                                ":b", AttributeValue.fromS("9"))));
                return List.of(page.items(), page.lastEvaluatedKey(), page.count());
            },
            (c, t) -> {
                var page = c.query(b -> b.tableName(t).indexName(ItemLayout.BY_PATIENT).keyConditionExpression("#i = :i")
                        .expressionAttributeNames(Map.of("#i", ItemLayout.PATIENT_ID)).limit(1)
                        .expressionAttributeValues(Map.of(":i", AttributeValue.fromS("p1"))));
                return List.of(page.items(), page.lastEvaluatedKey());
            },
            (c, t) -> c.query(b -> b.tableName(t).keyConditionExpression("#p = :p AND begins_with(#s, :s)")
                    .expressionAttributeNames(Map.of("#p", "pk", "#s", "sk")).projectionExpression("#s")
                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("A"), ":s", AttributeValue.fromS("2"))))
                    .items(),
            (c, t) -> c.deleteItem(b -> b.tableName(t).key(key("A", "2")).conditionExpression("#o = :o")
                    .expressionAttributeNames(Map.of("#o", "owner"))
                    .expressionAttributeValues(Map.of(":o", AttributeValue.fromS("ann")))).attributes(),
            (c, t) -> c.deleteItem(b -> b.tableName(t).key(key("A", "2")).returnValues(ReturnValue.ALL_OLD)).attributes(),
            (c, t) -> c.deleteItem(b -> b.tableName(t).key(key("A", "2")).returnValues(ReturnValue.ALL_OLD)).attributes(),
            (c, t) -> c.putItem(b -> b.tableName(t).item(item("A", "4", "x")).conditionExpression("#o = :o")
                    .expressionAttributeNames(Map.of("#o", "owner"))
                    .expressionAttributeValues(Map.of(":o", AttributeValue.fromS("x"), ":unused", AttributeValue.fromS("y"))))
                    .attributes(),
            (c, t) -> c.putItem(b -> b.tableName(t).item(item("A", "4", "x")).conditionExpression("#o = :o")
                    .expressionAttributeNames(Map.of("#o", "owner"))).attributes(),
            (c, t) -> c.getItem(b -> b.tableName(t + "-missing").key(key("A", "1"))).item(),
            (c, t) -> c.getItem(b -> b.tableName(t).key(Map.of("pk", AttributeValue.fromS("A")))).item());

    @Test
    void answersAsDynaliteAnswers() {
        DynamoDbClient dynalite = DynaliteExtension.client();
        String dynaliteTable = DynaliteExtension.freshTableName();
        EndpointExtension.Served endpoint = EndpointExtension.serve();

        List<Object> expected = new ArrayList<>();
        List<Object> actual = new ArrayList<>();
        for (var step : STEPS) {
            expected.add(outcome(step, dynalite, dynaliteTable));
            actual.add(outcome(step, endpoint.client(), EndpointExtension.TABLE));
        }

        for (int i = 0; i < STEPS.size(); i++) {
            assertThat(actual.get(i)).as("step %d", i).isEqualTo(expected.get(i));
        }
    }
}
