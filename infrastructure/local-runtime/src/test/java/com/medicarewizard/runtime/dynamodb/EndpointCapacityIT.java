package com.medicarewizard.runtime.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medicarewizard.table.layout.ItemLayout;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The capacity units the endpoint counts, as the SDK reads them in {@code ConsumedCapacity} and
 * as {@link DynamoDbEndpoint#capacity()} totals them: each case sized so that DynamoDB's rounding
 * shows (a page summed before rounding, a write just over 1 KB, the larger of before and after).
 */
@ExtendWith(EndpointExtension.class)
class EndpointCapacityIT {

    private static final String TABLE = EndpointExtension.TABLE;
    private static final ReturnConsumedCapacity TOTAL = ReturnConsumedCapacity.TOTAL;
    private static final Map<String, String> PK = Map.of("#k", "pk");
    private final EndpointExtension.Served served = EndpointExtension.serve();
    private final DynamoDbClient dynamo = served.client();
    private final CapacityMeter capacity = served.endpoint().capacity();

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }

    /** An item of exactly {@code bytes} as DynamoDB sizes it: its key and a string {@code data} filling the rest. */
    private static Map<String, AttributeValue> sized(String pk, String sk, int bytes) {
        int fill = bytes - ("pk" + pk + "sk" + sk + "data").length();
        Map<String, AttributeValue> item = new HashMap<>(key(pk, sk));
        item.put("data", AttributeValue.fromS("x".repeat(fill)));
        return item;
    }

    /** An item of patient p1's: in the byPatient index. */
    private static Map<String, AttributeValue> patients() {
        return Map.of("pk", AttributeValue.fromS("R#1"), "sk", AttributeValue.fromS("R"),
                ItemLayout.PATIENT_ID, AttributeValue.fromS("p1"), ItemLayout.START, AttributeValue.fromS("t1"));
    }

    private void put(Map<String, AttributeValue> item) {
        dynamo.putItem(b -> b.tableName(TABLE).item(item));
    }

    @Test
    void aGetItemReadsOneUnitPer4KbStronglyConsistentAndHalfAsManyEventually() {
        put(sized("G", "1", 5_000));
        capacity.reset();

        ConsumedCapacity strong = dynamo.getItem(b -> b.tableName(TABLE).key(key("G", "1")).consistentRead(true)
                .returnConsumedCapacity(TOTAL)).consumedCapacity();
        ConsumedCapacity eventual = dynamo.getItem(b -> b.tableName(TABLE).key(key("G", "1"))
                .returnConsumedCapacity(TOTAL)).consumedCapacity();
        ConsumedCapacity missing = dynamo.getItem(b -> b.tableName(TABLE).key(key("G", "2"))
                .returnConsumedCapacity(TOTAL)).consumedCapacity();

        assertThat(strong.tableName()).isEqualTo(TABLE);
        assertThat(strong.capacityUnits()).as("5,000 bytes: 8 KB").isEqualTo(2.0);
        assertThat(strong.readCapacityUnits()).isEqualTo(2.0);
        assertThat(eventual.capacityUnits()).isEqualTo(1.0);
        assertThat(missing.capacityUnits()).as("an item that does not exist still costs").isEqualTo(0.5);
        assertThat(capacity.totals().operation("GetItem")).isEqualTo(new CapacityTotals.Operation(3, 3.5, 0, 0));
        assertThat(capacity.totals().readUnits()).isEqualTo(3.5);
    }

    @Test
    void aBatchReadIsChargedItemByItemEachRoundedUpAsAGetWouldBe() {
        put(sized("B", "1", 5_000));
        put(sized("B", "2", 1_000));
        capacity.reset();

        var strong = dynamo.batchGetItem(b -> b.requestItems(Map.of(TABLE, KeysAndAttributes.builder()
                .keys(key("B", "1"), key("B", "2"), key("B", "none")).consistentRead(true).build()))
                .returnConsumedCapacity(TOTAL));
        var eventual = dynamo.batchGetItem(b -> b.requestItems(Map.of(TABLE, KeysAndAttributes.builder()
                .keys(key("B", "1"), key("B", "2")).build())).returnConsumedCapacity(TOTAL));

        assertThat(strong.responses().get(TABLE)).hasSize(2);
        assertThat(strong.unprocessedKeys()).isEmpty();
        assertThat(strong.consumedCapacity()).singleElement().satisfies(consumed ->
                assertThat(consumed.capacityUnits()).as("8 KB + 4 KB + a missing item's minimum, not 6 KB once")
                        .isEqualTo(4.0));
        assertThat(eventual.consumedCapacity().getFirst().capacityUnits()).isEqualTo(1.5);
        assertThat(capacity.totals().operations().get("BatchGetItem").calls()).isEqualTo(2);
    }

    @Test
    void aQueryRoundsUpTheSumOfTheItemsOfItsPageOnce() {
        for (int i = 0; i < 5; i++) {
            put(sized("Q", "s" + i, 1_000));
        }
        capacity.reset();

        Map<String, AttributeValue> partition = Map.of(":p", AttributeValue.fromS("Q"));
        var strong = dynamo.query(b -> b.tableName(TABLE).keyConditionExpression("#k = :p")
                .expressionAttributeNames(PK).expressionAttributeValues(partition)
                .consistentRead(true).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
        var eventual = dynamo.query(b -> b.tableName(TABLE).keyConditionExpression("#k = :p").projectionExpression("#k")
                .expressionAttributeNames(PK).expressionAttributeValues(partition).returnConsumedCapacity(TOTAL));

        assertThat(strong.count()).isEqualTo(5);
        assertThat(strong.consumedCapacity().capacityUnits()).as("5,000 bytes: 8 KB, not 5 x 4 KB").isEqualTo(2.0);
        assertThat(strong.consumedCapacity().table().readCapacityUnits()).isEqualTo(2.0);
        assertThat(eventual.consumedCapacity().capacityUnits()).as("a projection reads the whole items").isEqualTo(1.0);
        assertThat(capacity.totals().operation("Query")).isEqualTo(new CapacityTotals.Operation(2, 3.0, 0, 0));
    }

    @Test
    void anIndexQueryIsChargedToTheIndex() {
        put(patients());

        ConsumedCapacity consumed = dynamo.query(b -> b.tableName(TABLE).indexName(ItemLayout.BY_PATIENT)
                .keyConditionExpression("#p = :p").expressionAttributeNames(Map.of("#p", ItemLayout.PATIENT_ID))
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("p1")))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();

        assertThat(consumed.capacityUnits()).isEqualTo(0.5);
        assertThat(consumed.table().capacityUnits()).isZero();
        assertThat(consumed.globalSecondaryIndexes().get(ItemLayout.BY_PATIENT).readCapacityUnits()).isEqualTo(0.5);
    }

    @Test
    void aPutOfAnItemJustOver1KbWritesTwoUnits() {
        ConsumedCapacity consumed = dynamo.putItem(b -> b.tableName(TABLE).item(sized("P", "1", 1_025))
                .returnConsumedCapacity(TOTAL)).consumedCapacity();

        assertThat(consumed.capacityUnits()).isEqualTo(2.0);
        assertThat(consumed.writeCapacityUnits()).isEqualTo(2.0);
        assertThat(capacity.totals().operation("PutItem")).isEqualTo(new CapacityTotals.Operation(1, 0, 2, 0));
    }

    @Test
    void anUpdateIsChargedTheLargerOfTheItemBeforeAndAfter() {
        put(sized("U", "1", 2_500));
        capacity.reset();

        var shrunk = dynamo.updateItem(b -> b.tableName(TABLE).key(key("U", "1")).updateExpression("REMOVE #d")
                .expressionAttributeNames(Map.of("#d", "data")).returnConsumedCapacity(TOTAL));

        assertThat(shrunk.consumedCapacity().capacityUnits()).as("2,500 bytes before, 6 after").isEqualTo(3.0);
        assertThat(capacity.totals().operation("UpdateItem").writeUnits()).isEqualTo(3.0);
    }

    @Test
    void aWriteThatEntersAnIndexWritesTheIndexToo() {
        ConsumedCapacity consumed = dynamo.putItem(b -> b.tableName(TABLE).item(patients())
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();

        assertThat(consumed.capacityUnits()).isEqualTo(2.0);
        assertThat(consumed.table().writeCapacityUnits()).isEqualTo(1.0);
        assertThat(consumed.globalSecondaryIndexes()).containsOnlyKeys(ItemLayout.BY_PATIENT);
        assertThat(capacity.totals().writeUnits()).isEqualTo(1.0);
        assertThat(capacity.totals().indexWriteUnits()).isEqualTo(1.0);
    }

    @Test
    void aWriteWhoseConditionFailsStillConsumesUnits() {
        put(sized("C", "1", 2_500));
        capacity.reset();

        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(TABLE).item(sized("C", "1", 100))
                .conditionExpression("attribute_not_exists(#k)").expressionAttributeNames(PK)
                .returnConsumedCapacity(TOTAL)))
                .isInstanceOf(ConditionalCheckFailedException.class);

        assertThat(capacity.totals().operation("PutItem")).as("the 2,500 bytes there, not the 100 attempted")
                .isEqualTo(new CapacityTotals.Operation(1, 0, 3, 0));
        assertThat(served.table().size()).isEqualTo(1);
    }

    @Test
    void aTransactionOfTwoItemsWritesEachTwice() {
        put(sized("T", "2", 1_500));
        capacity.reset();

        TransactWriteItemsResponse response = dynamo.transactWriteItems(b -> b.returnConsumedCapacity(TOTAL)
                .transactItems(TransactWriteItem.builder().put(p -> p.tableName(TABLE).item(sized("T", "1", 500)))
                                .build(),
                        TransactWriteItem.builder().update(u -> u.tableName(TABLE).key(key("T", "2"))
                                .updateExpression("SET #n = :n").expressionAttributeNames(Map.of("#n", "note"))
                                .expressionAttributeValues(Map.of(":n", AttributeValue.fromS("x")))).build()));

        assertThat(response.consumedCapacity()).singleElement().satisfies(consumed -> {
            assertThat(consumed.tableName()).isEqualTo(TABLE);
            assertThat(consumed.capacityUnits()).as("2 x 1 KB + 2 x 2 KB").isEqualTo(6.0);
            assertThat(consumed.writeCapacityUnits()).isEqualTo(6.0);
        });
        assertThat(capacity.totals().operation("TransactWriteItems"))
                .isEqualTo(new CapacityTotals.Operation(1, 0, 6, 0));
    }

    @Test
    void aCancelledTransactionStillConsumesItsUnits() {
        put(sized("T", "2", 1_500));
        capacity.reset();

        assertThatThrownBy(() -> dynamo.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName(TABLE).item(sized("T", "1", 500))).build(),
                TransactWriteItem.builder().conditionCheck(c -> c.tableName(TABLE).key(key("T", "2"))
                        .conditionExpression("attribute_not_exists(#k)").expressionAttributeNames(PK))
                        .build())))
                .isInstanceOf(TransactionCanceledException.class);

        assertThat(capacity.totals().operation("TransactWriteItems").writeUnits()).isEqualTo(6.0);
        assertThat(served.table().size()).isEqualTo(1);
    }

    @Test
    void anUnknownReturnConsumedCapacityIsRefusedAndWritesNothing() {
        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(TABLE).item(sized("N", "1", 100))
                .returnConsumedCapacity("EVERYTHING")))
                .isInstanceOfSatisfying(DynamoDbException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));

        assertThat(served.table().size()).isZero();
        assertThat(capacity.totals().units()).isZero();
    }

    @Test
    void withoutReturnConsumedCapacityTheAnswerCarriesNoneAndTheTotalsStillCount() {
        assertThat(dynamo.putItem(b -> b.tableName(TABLE).item(sized("N", "1", 100))).consumedCapacity()).isNull();
        assertThat(dynamo.getItem(b -> b.tableName(TABLE).key(key("N", "1"))).consumedCapacity()).isNull();

        assertThat(capacity.totals().writeUnits()).isEqualTo(1.0);
        assertThat(capacity.totals().readUnits()).isEqualTo(0.5);
    }
}
