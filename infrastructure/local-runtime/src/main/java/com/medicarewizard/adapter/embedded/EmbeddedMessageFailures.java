package com.medicarewizard.adapter.embedded;

import static com.medicarewizard.adapter.layout.ItemLayout.EXPIRES_AT;
import static com.medicarewizard.adapter.layout.ItemLayout.FAILED_AT;
import static com.medicarewizard.adapter.layout.ItemLayout.FAILURE;
import static com.medicarewizard.adapter.layout.ItemLayout.MESSAGE_ID;
import static com.medicarewizard.adapter.layout.ItemLayout.REASON;
import static com.medicarewizard.adapter.layout.ItemLayout.RECEIVE_COUNT;
import static com.medicarewizard.adapter.layout.ItemLayout.RESERVATION_ID;
import static com.medicarewizard.adapter.layout.ItemLayout.TYPE;

import com.medicarewizard.adapter.embedded.table.Condition;
import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.adapter.embedded.table.Item;
import com.medicarewizard.adapter.embedded.table.Key;
import com.medicarewizard.adapter.layout.ItemKeys;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.port.MessageFailures;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link MessageFailures} on the embedded table: a {@code FAILURE#<message id>} item, replaced on
 * each failure (the last error is what operators need), expiring with the dead-letter queue's
 * retention.
 */
public final class EmbeddedMessageFailures implements MessageFailures {
    /** SQS keeps a dead letter at most 14 days. */
    private static final Duration RETENTION = Duration.ofDays(14);
    private final EmbeddedTable table;

    public EmbeddedMessageFailures(EmbeddedTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    /** Unconditional: the latest failure of a message replaces the earlier one. */
    @Override
    public void record(MessageFailure failure) {
        Item.Builder item = Item.builder(key(failure.messageId()))
                .put(TYPE, FAILURE)
                .put(MESSAGE_ID, failure.messageId())
                .put(REASON, failure.reason())
                .put(RECEIVE_COUNT, failure.receiveCount())
                .put(FAILED_AT, ItemKeys.instant(failure.at()))
                .put(EXPIRES_AT, failure.at().plus(RETENTION).getEpochSecond());
        failure.reservation().ifPresent(id -> item.put(RESERVATION_ID, id.value()));
        table.put(item.build(), Condition.always());
    }

    @Override
    public Optional<MessageFailure> find(String messageId) {
        return table.get(key(messageId)).map(item -> new MessageFailure(item.string(MESSAGE_ID),
                item.optString(RESERVATION_ID).map(ReservationId::new), item.string(REASON),
                (int) item.longValue(RECEIVE_COUNT), ItemKeys.instant(item.string(FAILED_AT))));
    }

    private static Key key(String messageId) {
        return new Key(ItemKeys.failure(messageId), FAILURE);
    }
}
