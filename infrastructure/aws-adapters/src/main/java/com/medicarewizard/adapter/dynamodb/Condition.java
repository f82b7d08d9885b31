package com.medicarewizard.adapter.dynamodb;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/** A condition expression with its names and values, as the adapters' writes use them. */
record Condition(String expression, Map<String, String> names, Map<String, AttributeValue> values) {

    /** The item does not exist yet. */
    static final Condition ABSENT = new Condition("attribute_not_exists(pk)", Map.of(), Map.of());

    /** The attribute holds the value. */
    static Condition equals(String attribute, AttributeValue value) {
        return new Condition("#a = :v", Map.of("#a", attribute), Map.of(":v", value));
    }

    /** The item does not exist, or the attribute holds the value. */
    static Condition absentOrEquals(String attribute, AttributeValue value) {
        return new Condition("attribute_not_exists(pk) OR #a = :v", Map.of("#a", attribute), Map.of(":v", value));
    }

    /** The item does not exist, or the attribute does not hold the value. */
    static Condition absentOrNot(String attribute, AttributeValue value) {
        return new Condition("attribute_not_exists(pk) OR #a <> :v", Map.of("#a", attribute), Map.of(":v", value));
    }

    void applyTo(PutItemRequest.Builder put) {
        put.conditionExpression(expression);
        if (!names.isEmpty()) {
            put.expressionAttributeNames(names);
        }
        if (!values.isEmpty()) {
            put.expressionAttributeValues(values);
        }
    }

    /** The put of a transaction, asking for the old item when its condition fails. */
    Put transactionPut(String table, Map<String, AttributeValue> item) {
        Put.Builder put = Put.builder().tableName(table).item(item).conditionExpression(expression)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
        if (!names.isEmpty()) {
            put.expressionAttributeNames(names);
        }
        if (!values.isEmpty()) {
            put.expressionAttributeValues(values);
        }
        return put.build();
    }
}
