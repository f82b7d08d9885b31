package com.medicarewizard.table.layout;

import com.medicarewizard.table.Item;
import com.medicarewizard.table.Key;

import static com.medicarewizard.table.layout.ItemLayout.ATTEMPTS;
import static com.medicarewizard.table.layout.ItemLayout.CHANNEL;
import static com.medicarewizard.table.layout.ItemLayout.DUE;
import static com.medicarewizard.table.layout.ItemLayout.DUE_PARTITION;
import static com.medicarewizard.table.layout.ItemLayout.MASKED_RECIPIENT;
import static com.medicarewizard.table.layout.ItemLayout.NEXT_ATTEMPT_AT;
import static com.medicarewizard.table.layout.ItemLayout.NOTIFICATION;
import static com.medicarewizard.table.layout.ItemLayout.OUTCOME;
import static com.medicarewizard.table.layout.ItemLayout.PARKED;
import static com.medicarewizard.table.layout.ItemLayout.PARKED_AT;
import static com.medicarewizard.table.layout.ItemLayout.PARKED_PARTITION;
import static com.medicarewizard.table.layout.ItemLayout.PK;
import static com.medicarewizard.table.layout.ItemLayout.REASON;
import static com.medicarewizard.table.layout.ItemLayout.RESERVATION_ID;
import static com.medicarewizard.table.layout.ItemLayout.RETRYABLE;
import static com.medicarewizard.table.layout.ItemLayout.SENT_AT;
import static com.medicarewizard.table.layout.ItemLayout.SK;
import static com.medicarewizard.table.layout.ItemLayout.STATE;
import static com.medicarewizard.table.layout.ItemLayout.TYPE;

import com.medicarewizard.domain.notification.Channel;
import com.medicarewizard.domain.notification.NotificationKey;
import com.medicarewizard.domain.notification.ParkedNotification;
import com.medicarewizard.domain.reservation.ReservationId;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Maps the notifier's markers and parked notifications to their items in {@link ItemLayout}, and back. */
public final class NotificationRecords {

    /** The state a marker must not have for "sent" or "parked" to be written. */
    public static final String SENT = "SENT";
    /** The state of a parked notification's item. */
    public static final String PARKED_STATE = "PARKED";

    private NotificationRecords() {
    }

    public static Key key(NotificationKey key) {
        return new Key(ItemKeys.notification(key.reservation()), sortKey(key));
    }

    public static String sortKey(NotificationKey key) {
        return key.subject() + "#" + key.channel().name();
    }

    public static Item sent(NotificationKey key, Instant at) {
        Map<String, Object> item = base(key);
        item.put(STATE, SENT);
        item.put(SENT_AT, ItemKeys.instant(at));
        return Item.of(item);
    }

    public static Item parked(ParkedNotification parked) {
        Map<String, Object> item = base(parked.key());
        item.put(STATE, PARKED_STATE);
        item.put(MASKED_RECIPIENT, parked.maskedRecipient());
        item.put(REASON, parked.reason());
        item.put(RETRYABLE, parked.retryable());
        item.put(ATTEMPTS, (long) parked.attempts());
        item.put(PARKED_AT, ItemKeys.instant(parked.parkedAt()));
        item.put(PARKED, PARKED_PARTITION);
        parked.nextAttemptAt().ifPresent(at -> {
            item.put(NEXT_ATTEMPT_AT, ItemKeys.instant(at));
            item.put(DUE, DUE_PARTITION);
        });
        return Item.of(item);
    }

    private static Map<String, Object> base(NotificationKey key) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put(PK, ItemKeys.notification(key.reservation()));
        item.put(SK, sortKey(key));
        item.put(TYPE, NOTIFICATION);
        item.put(RESERVATION_ID, key.reservation().value());
        item.put(OUTCOME, key.subject());
        item.put(CHANNEL, key.channel().name());
        return item;
    }

    public static ParkedNotification parked(Item item) {
        NotificationKey key = NotificationKey.of(new ReservationId(item.string(RESERVATION_ID)), item.string(OUTCOME),
                Channel.valueOf(item.string(CHANNEL))).orElseThrow(() -> new IllegalArgumentException(
                        "not a notification: " + item.string(OUTCOME)));
        return new ParkedNotification(key, item.string(MASKED_RECIPIENT), item.string(REASON), item.bool(RETRYABLE),
                (int) item.longValue(ATTEMPTS), ItemKeys.instant(item.string(PARKED_AT)),
                item.optString(NEXT_ATTEMPT_AT).map(ItemKeys::instant));
    }
}
