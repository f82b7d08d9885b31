package com.medicarewizard.runtime.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medicarewizard.table.Condition;
import com.medicarewizard.table.Item;
import com.medicarewizard.table.Key;
import com.medicarewizard.table.Write;
import com.medicarewizard.table.layout.ItemLayout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The DynamoDB wire endpoint as the SDK sees it, beyond the adapters' contracts: what dynalite
 * cannot answer (TransactWriteItems' cancellation reasons, with the item when asked, for every kind
 * of write), the errors' shapes, the table's description, pagination, and refusals of what it does
 * not serve.
 */
@ExtendWith(EndpointExtension.class)
class DynamoDbEndpointIT {

    private static final String TABLE = EndpointExtension.TABLE;
    private final EndpointExtension.Served served = EndpointExtension.serve();
    private final DynamoDbClient dynamo = served.client();

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }

    private static Map<String, AttributeValue> item(String pk, String sk, String owner) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk), "owner", AttributeValue.fromS(owner));
    }

    @Test
    void aCancelledTransactionGivesAReasonPerWriteInOrderWithTheItemWhereAsked() {
        dynamo.putItem(b -> b.tableName(TABLE).item(item("A", "1", "ann")));
        dynamo.putItem(b -> b.tableName(TABLE).item(item("B", "1", "bob")));
        dynamo.putItem(b -> b.tableName(TABLE).item(item("C", "1", "cid")));
        var names = Map.of("#o", "owner");
        var values = Map.of(":me", AttributeValue.fromS("zed"));
        var all = ReturnValuesOnConditionCheckFailure.ALL_OLD;

        assertThatThrownBy(() -> dynamo.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName(TABLE).item(item("N", "1", "zed"))
                        .conditionExpression("attribute_not_exists(#o)").expressionAttributeNames(names)).build(),
                TransactWriteItem.builder().update(u -> u.tableName(TABLE).key(key("A", "1"))
                        .updateExpression("SET #o = :me").conditionExpression("#o = :me")
                        .expressionAttributeNames(names).expressionAttributeValues(values)
                        .returnValuesOnConditionCheckFailure(all)).build(),
                TransactWriteItem.builder().delete(d -> d.tableName(TABLE).key(key("B", "1"))
                        .conditionExpression("#o = :me").expressionAttributeNames(names)
                        .expressionAttributeValues(values)).build(),
                TransactWriteItem.builder().conditionCheck(c -> c.tableName(TABLE).key(key("C", "1"))
                        .conditionExpression("(NOT #o = :me)").expressionAttributeNames(names)
                        .expressionAttributeValues(values).returnValuesOnConditionCheckFailure(all)).build(),
                TransactWriteItem.builder().conditionCheck(c -> c.tableName(TABLE).key(key("C", "2"))
                        .conditionExpression("attribute_exists(#o)").expressionAttributeNames(names)
                        .returnValuesOnConditionCheckFailure(all)).build())))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("Transaction cancelled");
                    assertThat(e.cancellationReasons()).extracting(CancellationReason::code).containsExactly(
                            "None", "ConditionalCheckFailed", "ConditionalCheckFailed", "None",
                            "ConditionalCheckFailed");
                    assertThat(e.cancellationReasons().get(1).item()).isEqualTo(item("A", "1", "ann"));
                    assertThat(e.cancellationReasons().get(1).message()).isEqualTo("The conditional request failed");
                    assertThat(e.cancellationReasons().get(2).hasItem()).as("not asked for").isFalse();
                    assertThat(e.cancellationReasons().get(4).hasItem()).as("nothing stored").isFalse();
                });
        assertThat(served.table().get(new Key("N", "1"))).as("nothing written").isEmpty();
        assertThat(served.table().get(new Key("B", "1"))).isPresent();
    }

    @Test
    void aTransactionThatHoldsWritesEveryKindOfWriteAtOnce() {
        dynamo.putItem(b -> b.tableName(TABLE).item(item("A", "1", "ann")));
        dynamo.putItem(b -> b.tableName(TABLE).item(item("B", "1", "bob")));
        var names = Map.of("#o", "owner");

        dynamo.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName(TABLE).item(item("N", "1", "zed"))).build(),
                TransactWriteItem.builder().update(u -> u.tableName(TABLE).key(key("A", "1"))
                        .updateExpression("REMOVE #o").expressionAttributeNames(names)).build(),
                TransactWriteItem.builder().delete(d -> d.tableName(TABLE).key(key("B", "1"))).build()));

        assertThat(served.table().get(new Key("N", "1"))).isPresent();
        assertThat(served.table().get(new Key("A", "1"))).contains(Item.of(new Key("A", "1")));
        assertThat(served.table().get(new Key("B", "1"))).isEmpty();
        assertThat(served.table().stream().read(0, 10)).hasSize(5);
    }

    @Test
    void aFailedConditionAnswersTheStoredItemWhenAsked() {
        dynamo.putItem(b -> b.tableName(TABLE).item(item("A", "1", "ann")));

        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(TABLE).item(item("A", "1", "bob"))
                .conditionExpression("attribute_not_exists(#p)").expressionAttributeNames(Map.of("#p", "pk"))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))
                .isInstanceOfSatisfying(ConditionalCheckFailedException.class, e -> {
                    assertThat(e.item()).isEqualTo(item("A", "1", "ann"));
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ConditionalCheckFailedException");
                });
        assertThatThrownBy(() -> dynamo.deleteItem(b -> b.tableName(TABLE).key(key("A", "1"))
                .conditionExpression("#o = :x").expressionAttributeNames(Map.of("#o", "owner"))
                .expressionAttributeValues(Map.of(":x", AttributeValue.fromS("bob")))))
                .isInstanceOfSatisfying(ConditionalCheckFailedException.class, e -> assertThat(e.hasItem()).isFalse());
    }

    @Test
    void theTableIsDescribedAsDeployedWithItsStream() {
        TableDescription table = dynamo.describeTable(b -> b.tableName(TABLE)).table();

        assertThat(table.latestStreamArn()).isEqualTo(served.endpoint().streamArn())
                .startsWith("arn:aws:dynamodb:eu-south-1:").contains(":table/" + TABLE + "/stream/");
        assertThat(table.streamSpecification().streamEnabled()).isTrue();
        assertThat(table.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(table.globalSecondaryIndexes()).extracting(i -> i.indexName())
                .contains(ItemLayout.BY_PATIENT, ItemLayout.PENDING_INDEX, ItemLayout.DUE_INDEX);
        assertThatThrownBy(() -> dynamo.describeTable(b -> b.tableName("other")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> dynamo.createTable(com.medicarewizard.adapter.dynamodb.TableDefinition.createTable(TABLE)))
                .isInstanceOf(ResourceInUseException.class);
    }

    @Test
    void queriesArePagedByLimitAndByTheirSizeWithTheIndexKeyInTheLastEvaluatedKey() {
        String big = "x".repeat(300 * 1024);
        for (int i = 0; i < 5; i++) {
            served.table().put(Item.builder("P", "s" + i).put(ItemLayout.PATIENT_ID, "p1")
                    .put(ItemLayout.START, "2026-0" + (5 - i)).put("blob", big).build(), Condition.always());
        }
        var names = Map.of("#p", "pk");
        var values = Map.of(":p", AttributeValue.fromS("P"));

        QueryResponse first = dynamo.query(b -> b.tableName(TABLE).keyConditionExpression("#p = :p")
                .expressionAttributeNames(names).expressionAttributeValues(values));
        assertThat(first.count()).as("a page stops at 1 MB").isEqualTo(3);
        QueryResponse rest = dynamo.query(b -> b.tableName(TABLE).keyConditionExpression("#p = :p")
                .expressionAttributeNames(names).expressionAttributeValues(values)
                .exclusiveStartKey(first.lastEvaluatedKey()));
        assertThat(rest.items()).extracting(i -> i.get("sk").s()).containsExactly("s3", "s4");
        assertThat(rest.hasLastEvaluatedKey() && !rest.lastEvaluatedKey().isEmpty()).isFalse();

        QueryResponse byPatient = dynamo.query(b -> b.tableName(TABLE).indexName(ItemLayout.BY_PATIENT)
                .keyConditionExpression("#i = :i").expressionAttributeNames(Map.of("#i", ItemLayout.PATIENT_ID))
                .expressionAttributeValues(Map.of(":i", AttributeValue.fromS("p1"))).limit(2).scanIndexForward(false)
                .projectionExpression("#i"));
        assertThat(byPatient.lastEvaluatedKey()).containsOnlyKeys("pk", "sk", ItemLayout.PATIENT_ID, ItemLayout.START)
                .containsEntry("sk", AttributeValue.fromS("s1"));
        assertThat(byPatient.items()).allSatisfy(i -> assertThat(i).containsOnlyKeys(ItemLayout.PATIENT_ID));
        QueryResponse next = dynamo.query(b -> b.tableName(TABLE).indexName(ItemLayout.BY_PATIENT)
                .keyConditionExpression("#i = :i").expressionAttributeNames(Map.of("#i", ItemLayout.PATIENT_ID))
                .expressionAttributeValues(Map.of(":i", AttributeValue.fromS("p1"))).limit(2).scanIndexForward(false)
                .exclusiveStartKey(byPatient.lastEvaluatedKey()));
        assertThat(next.items()).extracting(i -> i.get(ItemLayout.START).s()).containsExactly("2026-03", "2026-02");
    }

    @Test
    void whatItDoesNotServeIsAValidationErrorThatChangesNothing() {
        var names = Map.of("#o", "owner");
        var values = Map.of(":x", AttributeValue.fromS("x"));
        List<Runnable> refused = List.of(
                () -> dynamo.putItem(b -> b.tableName(TABLE).item(item("A", "1", "ann"))
                        .conditionExpression("#o <> :x").expressionAttributeNames(names).expressionAttributeValues(values)),
                () -> dynamo.putItem(b -> b.tableName(TABLE).item(item("A", "1", "ann"))
                        .conditionExpression("attribute_exists(#o)").expressionAttributeNames(names)
                        .expressionAttributeValues(values)),
                () -> dynamo.putItem(b -> b.tableName(TABLE).item(Map.of("pk", AttributeValue.fromS("A"),
                        "sk", AttributeValue.fromS("1"), "f", AttributeValue.fromN("1.5")))),
                () -> dynamo.putItem(b -> b.tableName(TABLE).item(Map.of("pk", AttributeValue.fromS("A"),
                        "sk", AttributeValue.fromS("1"), "m", AttributeValue.fromM(Map.of())))),
                () -> dynamo.transactWriteItems(b -> b.transactItems(IntStream.range(0, 2).mapToObj(i ->
                        TransactWriteItem.builder().put(p -> p.tableName(TABLE).item(item("A", "1", "ann"))).build())
                        .toList())));

        for (Runnable call : refused) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(DynamoDbException.class, e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                assertThat(e.statusCode()).isEqualTo(400);
            });
        }
        assertThat(served.table().size()).isZero();
    }

    @Test
    void anUnsignedRequestIsRefusedAsTheServiceRefusesIt() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(served.endpoint().endpoint() + "/"))
                .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("MissingAuthenticationTokenException");
        assertThat(answer.headers().firstValue("x-amz-crc32")).isPresent();
    }

    @Test
    void theAdapterReadsTheCancellationReasonsItemsFromTheAnswer() {
        var table = served.itemTable();
        Item taken = Item.builder("T", "2").put("owner", "bob").build();
        table.put(taken, Condition.always());

        assertThatThrownBy(() -> table.transact(List.of(Write.put(Item.builder("T", "1").build(), Condition.absent()),
                Write.put(Item.builder("T", "2").put("owner", "ann").build(), Condition.absent()))))
                .isInstanceOfSatisfying(com.medicarewizard.table.TransactionCanceledException.class,
                        e -> assertThat(e.reasons().get(1).current()).contains(taken));
    }
}
