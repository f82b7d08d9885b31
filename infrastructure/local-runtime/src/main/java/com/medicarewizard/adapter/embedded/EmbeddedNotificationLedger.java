package com.medicarewizard.adapter.embedded;

import static com.medicarewizard.adapter.layout.ItemLayout.ATTEMPTS;
import static com.medicarewizard.adapter.layout.ItemLayout.CHANNEL;
import static com.medicarewizard.adapter.layout.ItemLayout.DUE;
import static com.medicarewizard.adapter.layout.ItemLayout.DUE_INDEX;
import static com.medicarewizard.adapter.layout.ItemLayout.DUE_PARTITION;
import static com.medicarewizard.adapter.layout.ItemLayout.MASKED_RECIPIENT;
import static com.medicarewizard.adapter.layout.ItemLayout.NEXT_ATTEMPT_AT;
import static com.medicarewizard.adapter.layout.ItemLayout.NOTIFICATION;
import static com.medicarewizard.adapter.layout.ItemLayout.OUTCOME;
import static com.medicarewizard.adapter.layout.ItemLayout.PARKED;
import static com.medicarewizard.adapter.layout.ItemLayout.PARKED_AT;
import static com.medicarewizard.adapter.layout.ItemLayout.PARKED_INDEX;
import static com.medicarewizard.adapter.layout.ItemLayout.PARKED_PARTITION;
import static com.medicarewizard.adapter.layout.ItemLayout.REASON;
import static com.medicarewizard.adapter.layout.ItemLayout.RESERVATION_ID;
import static com.medicarewizard.adapter.layout.ItemLayout.RETRYABLE;
import static com.medicarewizard.adapter.layout.ItemLayout.SENT_AT;
import static com.medicarewizard.adapter.layout.ItemLayout.STATE;
import static com.medicarewizard.adapter.layout.ItemLayout.TYPE;

import com.medicarewizard.adapter.embedded.table.Condition;
import com.medicarewizard.adapter.embedded.table.ConditionFailedException;
import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.adapter.embedded.table.Item;
import com.medicarewizard.adapter.embedded.table.Key;
import com.medicarewizard.adapter.embedded.table.SortRange;
import com.medicarewizard.adapter.layout.ItemKeys;
import com.medicarewizard.domain.notification.Channel;
import com.medicarewizard.domain.notification.NotificationKey;
import com.medicarewizard.domain.notification.ParkedNotification;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;
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
    private static final Condition NOT_SENT = Condition.absentOr(Condition.not(Condition.equals(STATE, "SENT")));
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
        return write(base(key).put(STATE, State.SENT.name()).put(SENT_AT, ItemKeys.instant(at)).build());
    }

    @Override
    public boolean park(ParkedNotification parked) {
        Item.Builder item = base(parked.key())
                .put(STATE, State.PARKED.name())
                .put(MASKED_RECIPIENT, parked.maskedRecipient())
                .put(REASON, parked.reason())
                .put(RETRYABLE, parked.retryable())
                .put(ATTEMPTS, parked.attempts())
                .put(PARKED_AT, ItemKeys.instant(parked.parkedAt()))
                .put(PARKED, PARKED_PARTITION);
        parked.nextAttemptAt().ifPresent(at -> item.put(NEXT_ATTEMPT_AT, ItemKeys.instant(at)).put(DUE, DUE_PARTITION));
        return write(item.build());
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
        return new Key(ItemKeys.notification(key.reservation()), key.outcome().name() + "#" + key.channel().name());
    }

    private static Item.Builder base(NotificationKey key) {
        return Item.builder(key(key)).put(TYPE, NOTIFICATION)
                .put(RESERVATION_ID, key.reservation().value())
                .put(OUTCOME, key.outcome().name())
                .put(CHANNEL, key.channel().name());
    }

    private static ParkedNotification fromItem(Item item) {
        NotificationKey key = new NotificationKey(new ReservationId(item.string(RESERVATION_ID)),
                ReservationStatus.valueOf(item.string(OUTCOME)), Channel.valueOf(item.string(CHANNEL)));
        return new ParkedNotification(key, item.string(MASKED_RECIPIENT), item.string(REASON), item.bool(RETRYABLE),
                (int) item.longValue(ATTEMPTS), ItemKeys.instant(item.string(PARKED_AT)),
                item.optString(NEXT_ATTEMPT_AT).map(ItemKeys::instant));
    }
}
