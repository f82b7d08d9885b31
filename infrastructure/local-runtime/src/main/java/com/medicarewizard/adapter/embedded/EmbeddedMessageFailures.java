package com.medicarewizard.adapter.embedded;

import static com.medicarewizard.adapter.layout.ItemLayout.FAILURE;

import com.medicarewizard.adapter.embedded.table.Condition;
import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.adapter.embedded.table.Item;
import com.medicarewizard.adapter.embedded.table.Key;
import com.medicarewizard.adapter.layout.ExpiringRecords;
import com.medicarewizard.adapter.layout.ItemKeys;
import com.medicarewizard.port.MessageFailures;

import java.util.Objects;
import java.util.Optional;

/**
 * {@link MessageFailures} on the embedded table: a {@code FAILURE#<message id>} item, replaced on
 * each failure (the last error is what operators need), expiring with the dead-letter queue's
 * retention.
 */
public final class EmbeddedMessageFailures implements MessageFailures {
    private final EmbeddedTable table;

    public EmbeddedMessageFailures(EmbeddedTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    /** Unconditional: the latest failure of a message replaces the earlier one. */
    @Override
    public void record(MessageFailure failure) {
        table.put(Item.of(ExpiringRecords.failure(failure)), Condition.always());
    }

    @Override
    public Optional<MessageFailure> find(String messageId) {
        return table.get(key(messageId)).map(item -> ExpiringRecords.failure(ReservationItems.attributes(item)));
    }

    private static Key key(String messageId) {
        return new Key(ItemKeys.failure(messageId), FAILURE);
    }
}
