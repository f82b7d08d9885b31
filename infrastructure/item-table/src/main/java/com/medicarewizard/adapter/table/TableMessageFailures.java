package com.medicarewizard.adapter.table;

import com.medicarewizard.port.MessageFailures;
import com.medicarewizard.table.Condition;
import com.medicarewizard.table.ItemTable;
import com.medicarewizard.table.layout.ExpiringRecords;

import java.util.Objects;
import java.util.Optional;

/**
 * {@link MessageFailures} on the item table: a {@code FAILURE#<message id>} item, replaced on each
 * failure (the last error is what operators need), expiring with the dead-letter queue's retention.
 */
public final class TableMessageFailures implements MessageFailures {

    private final ItemTable table;

    public TableMessageFailures(ItemTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    /** Unconditional: the latest failure of a message replaces the earlier one. */
    @Override
    public void record(MessageFailure failure) {
        table.put(ExpiringRecords.failure(failure), Condition.always());
    }

    @Override
    public Optional<MessageFailure> find(String messageId) {
        return table.get(ExpiringRecords.failureKey(messageId)).map(ExpiringRecords::failure);
    }
}
