package com.medicarewizard.adapter.embedded;

import static com.medicarewizard.adapter.layout.ItemLayout.DUE_INDEX;
import static com.medicarewizard.adapter.layout.ItemLayout.DUE_PARTITION;
import static com.medicarewizard.adapter.layout.ItemLayout.NOTIFICATION;
import static com.medicarewizard.adapter.layout.ItemLayout.PARKED;
import static com.medicarewizard.adapter.layout.ItemLayout.PARKED_INDEX;
import static com.medicarewizard.adapter.layout.ItemLayout.PARKED_PARTITION;
import static com.medicarewizard.adapter.layout.ItemLayout.STATE;

import com.medicarewizard.adapter.embedded.table.Condition;
import com.medicarewizard.adapter.embedded.table.ConditionFailedException;
import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.adapter.embedded.table.Item;
import com.medicarewizard.adapter.embedded.table.Key;
import com.medicarewizard.adapter.embedded.table.SortRange;
import com.medicarewizard.adapter.layout.ItemKeys;
import com.medicarewizard.adapter.layout.NotificationRecords;
import com.medicarewizard.domain.notification.NotificationKey;
import com.medicarewizard.domain.notification.ParkedNotification;
import com.medicarewizard.port.NotificationLedger;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link NotificationLedger} on the embedded table: one {@code NOTIFICATION#<reservation>} item per
 * outcome and channel. Both "sent" and "parked" are written only while the item is not SENT
 * ({@code attribute_not_exists(pk) OR state <> SENT}), so a marker is never written twice and a
 * sent notification is never parked. Parked ones sit in two sparse indexes (all, and the due ones).
 */
public final class EmbeddedNotificationLedger implements NotificationLedger {
    private static final Condition NOT_SENT = Condition.absentOr(Condition.not(Condition.equals(STATE, NotificationRecords.SENT)));
    private final EmbeddedTable table;

    public EmbeddedNotificationLedger(EmbeddedTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public Optional<State> state(NotificationKey key) {
        return table.get(key(key)).map(item -> State.valueOf(item.string(STATE)));
    }

    @Override
    public boolean markSent(NotificationKey key, Instant at) {
        return write(Item.of(NotificationRecords.sent(key, at)));
    }

    @Override
    public boolean park(ParkedNotification parked) {
        return write(Item.of(NotificationRecords.parked(parked)));
    }

    @Override
    public Optional<ParkedNotification> parked(NotificationKey key) {
        return table.get(key(key)).filter(item -> item.has(PARKED)).map(EmbeddedNotificationLedger::fromItem);
    }

    @Override
    public List<ParkedNotification> parked(int limit) {
        return table.queryIndex(PARKED_INDEX, PARKED_PARTITION, SortRange.all(), limit, true).stream()
                .map(EmbeddedNotificationLedger::fromItem).toList();
    }

    @Override
    public List<ParkedNotification> due(Instant now, int limit) {
        return table.queryIndex(DUE_INDEX, DUE_PARTITION, SortRange.between("", ItemKeys.instant(now)), limit, true)
                .stream().map(EmbeddedNotificationLedger::fromItem).toList();
    }

    private boolean write(Item item) {
        try {
            table.put(item, NOT_SENT);
            return true;
        } catch (ConditionFailedException e) {
            return false;
        }
    }

    private static Key key(NotificationKey key) {
        return new Key(ItemKeys.notification(key.reservation()), NotificationRecords.sortKey(key));
    }

    private static ParkedNotification fromItem(Item item) {
        return NotificationRecords.parked(ReservationItems.attributes(item));
    }
}
