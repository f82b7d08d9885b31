package com.medicarewizard.adapter.dynamodb;

import static com.medicarewizard.adapter.dynamodb.AttributeValues.s;
import static com.medicarewizard.adapter.layout.ItemLayout.DUE;
import static com.medicarewizard.adapter.layout.ItemLayout.DUE_INDEX;
import static com.medicarewizard.adapter.layout.ItemLayout.DUE_PARTITION;
import static com.medicarewizard.adapter.layout.ItemLayout.NEXT_ATTEMPT_AT;
import static com.medicarewizard.adapter.layout.ItemLayout.PARKED;
import static com.medicarewizard.adapter.layout.ItemLayout.PARKED_INDEX;
import static com.medicarewizard.adapter.layout.ItemLayout.PARKED_PARTITION;
import static com.medicarewizard.adapter.layout.ItemLayout.STATE;

import com.medicarewizard.adapter.layout.ItemKeys;
import com.medicarewizard.adapter.layout.NotificationRecords;
import com.medicarewizard.domain.notification.NotificationKey;
import com.medicarewizard.domain.notification.ParkedNotification;
import com.medicarewizard.port.NotificationLedger;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link NotificationLedger} on DynamoDB: one {@code NOTIFICATION#<reservation>} item per outcome and
 * channel. "Sent" and "parked" are conditional PutItems {@code attribute_not_exists(pk) OR state <> SENT},
 * so a marker is never written twice and a sent notification is never parked. Parked ones sit in
 * two sparse indexes (all of them, and the retryable ones by their next attempt).
 */
public final class DynamoDbNotificationLedger implements NotificationLedger {

    private static final Condition NOT_SENT = Condition.absentOrNot(STATE, s(NotificationRecords.SENT));
    private final DynamoDbTable table;

    public DynamoDbNotificationLedger(DynamoDbTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public Optional<State> state(NotificationKey key) {
        return table.get(ItemKeys.notification(key.reservation()), NotificationRecords.sortKey(key))
                .map(item -> State.valueOf(item.string(STATE)));
    }

    @Override
    public boolean markSent(NotificationKey key, Instant at) {
        return table.putIf(NotificationRecords.sent(key, at), NOT_SENT);
    }

    @Override
    public boolean park(ParkedNotification parked) {
        return table.putIf(NotificationRecords.parked(parked), NOT_SENT);
    }

    @Override
    public Optional<ParkedNotification> parked(NotificationKey key) {
        return table.get(ItemKeys.notification(key.reservation()), NotificationRecords.sortKey(key))
                .filter(item -> item.has(PARKED)).map(NotificationRecords::parked);
    }

    @Override
    public List<ParkedNotification> parked(int limit) {
        return table.query(b -> b.indexName(PARKED_INDEX).keyConditionExpression("#p = :p")
                        .expressionAttributeNames(Map.of("#p", PARKED))
                        .expressionAttributeValues(Map.of(":p", s(PARKED_PARTITION))), limit)
                .stream().map(NotificationRecords::parked).toList();
    }

    @Override
    public List<ParkedNotification> due(Instant now, int limit) {
        return table.query(b -> b.indexName(DUE_INDEX).keyConditionExpression("#d = :d AND #at <= :now")
                        .expressionAttributeNames(Map.of("#d", DUE, "#at", NEXT_ATTEMPT_AT))
                        .expressionAttributeValues(Map.of(":d", s(DUE_PARTITION), ":now", s(ItemKeys.instant(now)))),
                        limit)
                .stream().map(NotificationRecords::parked).toList();
    }
}
