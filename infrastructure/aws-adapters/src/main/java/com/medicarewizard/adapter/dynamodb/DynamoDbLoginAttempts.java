package com.medicarewizard.adapter.dynamodb;

import static com.medicarewizard.adapter.dynamodb.AttributeValues.n;
import static com.medicarewizard.adapter.dynamodb.AttributeValues.s;
import static com.medicarewizard.adapter.layout.ItemLayout.EXPIRES_AT;
import static com.medicarewizard.adapter.layout.ItemLayout.FAILURES;
import static com.medicarewizard.adapter.layout.ItemLayout.THROTTLE;
import static com.medicarewizard.adapter.layout.ItemLayout.TYPE;

import com.medicarewizard.adapter.layout.Attributes;
import com.medicarewizard.adapter.layout.ItemKeys;
import com.medicarewizard.port.LoginAttempts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * {@link LoginAttempts} on DynamoDB: one {@code THROTTLE#<subject>} item per subject listing its
 * recent failures. Each failure is appended by one UpdateItem ({@code list_append}), atomic, so no
 * count is lost when failures race. Once the list is longer than {@value #MAX_KEPT} it is cut back
 * to the failures of the caller's window, conditional on the length it was read with (a racing
 * append makes the cut wait for the next failure). Readers sort, since racing appends commit in
 * any order; TTL removes subjects that stopped failing.
 */
public final class DynamoDbLoginAttempts implements LoginAttempts {

    /** Far more than any throttle threshold needs to see. */
    static final int MAX_KEPT = 100;
    /** Lets TTL remove subjects that stopped failing; longer than any throttle window. */
    private static final Duration FORGET_AFTER = Duration.ofDays(1);

    private final DynamoDbTable table;

    public DynamoDbLoginAttempts(DynamoDbTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public List<Instant> recordFailure(String subject, Instant at, Instant since) {
        Map<String, AttributeValue> updated = table.client().updateItem(b -> b.tableName(table.name())
                .key(key(subject))
                .updateExpression("SET #type = :type, #failures = list_append(if_not_exists(#failures, :none), :one),"
                        + " #expires = :expires")
                .expressionAttributeNames(Map.of("#type", TYPE, "#failures", FAILURES, "#expires", EXPIRES_AT))
                .expressionAttributeValues(Map.of(":type", s(THROTTLE), ":none", AttributeValue.fromL(List.of()),
                        ":one", AttributeValue.fromL(List.of(s(ItemKeys.instant(at)))),
                        ":expires", n(at.plus(FORGET_AFTER).getEpochSecond())))
                .returnValues(ReturnValue.ALL_NEW)).attributes();
        List<String> stored = AttributeValues.fromDynamo(updated).strings(FAILURES);
        List<Instant> recent = inWindow(stored, since);
        if (stored.size() > MAX_KEPT) {
            cutBack(subject, stored.size(), recent);
        }
        return recent;
    }

    private void cutBack(String subject, int readLength, List<Instant> recent) {
        List<AttributeValue> kept = recent.subList(Math.max(0, recent.size() - MAX_KEPT), recent.size()).stream()
                .map(ItemKeys::instant).map(AttributeValues::s).toList();
        try {
            table.client().updateItem(b -> b.tableName(table.name()).key(key(subject))
                    .updateExpression("SET #failures = :kept")
                    .conditionExpression("size(#failures) = :read")
                    .expressionAttributeNames(Map.of("#failures", FAILURES))
                    .expressionAttributeValues(Map.of(":kept", AttributeValue.fromL(kept), ":read", n(readLength))));
        } catch (ConditionalCheckFailedException raced) {
            // another failure was appended meanwhile: the next one cuts back
        }
    }

    @Override
    public List<Instant> failuresSince(String subject, Instant since) {
        Optional<Attributes> item = table.get(ItemKeys.throttle(subject), THROTTLE);
        return item.filter(i -> i.has(FAILURES)).map(i -> inWindow(i.strings(FAILURES), since)).orElse(List.of());
    }

    private static List<Instant> inWindow(List<String> failures, Instant since) {
        String windowStart = ItemKeys.instant(since);
        return failures.stream().filter(f -> f.compareTo(windowStart) >= 0).sorted().map(ItemKeys::instant).toList();
    }

    @Override
    public void clear(String subject) {
        table.delete(ItemKeys.throttle(subject), THROTTLE);
    }

    private static Map<String, AttributeValue> key(String subject) {
        return DynamoDbTable.key(ItemKeys.throttle(subject), THROTTLE);
    }
}
