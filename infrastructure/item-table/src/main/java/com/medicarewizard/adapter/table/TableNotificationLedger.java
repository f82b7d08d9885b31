package com.medicarewizard.adapter.table;

import static com.medicarewizard.table.layout.ItemLayout.ATTEMPTS;
import static com.medicarewizard.table.layout.ItemLayout.DUE_INDEX;
import static com.medicarewizard.table.layout.ItemLayout.DUE_PARTITION;
import static com.medicarewizard.table.layout.ItemLayout.NEXT_ATTEMPT_AT;
import static com.medicarewizard.table.layout.ItemLayout.PARKED;
import static com.medicarewizard.table.layout.ItemLayout.PARKED_INDEX;
import static com.medicarewizard.table.layout.ItemLayout.PARKED_PARTITION;
import static com.medicarewizard.table.layout.ItemLayout.STATE;

import com.medicarewizard.domain.notification.NotificationKey;
import com.medicarewizard.domain.notification.ParkedNotification;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.port.NotificationLedger;
import com.medicarewizard.table.Condition;
import com.medicarewizard.table.ConditionFailedException;
import com.medicarewizard.table.Item;
import com.medicarewizard.table.ItemTable;
import com.medicarewizard.table.Query;
import com.medicarewizard.table.SortRange;
import com.medicarewizard.table.layout.ItemKeys;
import com.medicarewizard.table.layout.NotificationRecords;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link NotificationLedger} on the item table: one {@code NOTIFICATION#<reservation>} item per
 * outcome and channel. Both "sent" and "parked" are written only while the item is not SENT
 * ({@code attribute_not_exists(pk) OR NOT state = SENT}), so a marker is never written twice and a
 * sent notification is never parked. Parked ones sit in two sparse indexes (all of them, and the
 * retryable ones by their next attempt).
 */
public final class TableNotificationLedger implements NotificationLedger {

    private static final Condition NOT_SENT =
            Condition.absentOr(Condition.not(Condition.equals(STATE, NotificationRecords.SENT)));
    private final ItemTable table;

    public TableNotificationLedger(ItemTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public Optional<State> state(NotificationKey key) {
        return table.get(NotificationRecords.key(key)).map(item -> State.valueOf(item.string(STATE)));
    }

    @Override
    public boolean markSent(NotificationKey key, Instant at) {
        return write(NotificationRecords.sent(key, at));
    }

    @Override
    public boolean park(ParkedNotification parked) {
        return write(NotificationRecords.parked(parked));
    }

    @Override
    public Optional<ParkedNotification> parked(NotificationKey key) {
        return table.get(NotificationRecords.key(key)).filter(item -> item.has(PARKED)).map(NotificationRecords::parked);
    }

    /**
     * A conditional put of the taken record, guarded by the attributes that change with every write of
     * a parked notification (state, attempts, next attempt): a reading from the eventually consistent
     * {@code due} index that has since been sent or re-parked fails the condition.
     */
    @Override
    public boolean claim(ParkedNotification seen, Instant until) {
        Item taken = NotificationRecords.parked(seen.takenUntil(until));
        Condition asSeen = Condition.and(Condition.equals(STATE, NotificationRecords.PARKED_STATE),
                Condition.equals(ATTEMPTS, (long) seen.attempts()),
                Condition.equals(NEXT_ATTEMPT_AT, ItemKeys.instant(seen.nextAttemptAt().orElseThrow())));
        try {
            table.put(taken, asSeen);
            return true;
        } catch (ConditionFailedException e) {
            return false;
        }
    }

    /** Each parked item of the reservation's partition put again without its recipient, if still not SENT. */
    @Override
    public void forgetRecipients(ReservationId reservation) {
        for (Item item : table.query(Query.table(ItemKeys.notification(reservation), SortRange.all()))) {
            if (item.has(PARKED)) {
                write(NotificationRecords.parked(NotificationRecords.parked(item).recipientErased()));
            }
        }
    }

    @Override
    public List<ParkedNotification> parked(int limit) {
        return parkedOf(Query.index(PARKED_INDEX, PARKED_PARTITION, SortRange.all()), limit);
    }

    @Override
    public List<ParkedNotification> due(Instant now, int limit) {
        return parkedOf(Query.index(DUE_INDEX, DUE_PARTITION, SortRange.between("", ItemKeys.instant(now))), limit);
    }

    private List<ParkedNotification> parkedOf(Query query, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return table.query(query.limit(limit)).stream().map(NotificationRecords::parked).toList();
    }

    private boolean write(Item item) {
        try {
            table.put(item, NOT_SENT);
            return true;
        } catch (ConditionFailedException e) {
            return false;
        }
    }
}
