package com.medicarewizard.adapter.dynamodb;

import static com.medicarewizard.adapter.layout.ItemLayout.FAILURE;

import com.medicarewizard.adapter.layout.ExpiringRecords;
import com.medicarewizard.adapter.layout.ItemKeys;
import com.medicarewizard.port.MessageFailures;

import java.util.Objects;
import java.util.Optional;

/**
 * {@link MessageFailures} on DynamoDB: a {@code FAILURE#<message id>} item, replaced on each failure
 * (the last error is what operators need), removed by TTL after the dead-letter queue's retention.
 */
public final class DynamoDbMessageFailures implements MessageFailures {

    private final DynamoDbTable table;

    public DynamoDbMessageFailures(DynamoDbTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    /** Unconditional: the latest failure of a message replaces the earlier one. */
    @Override
    public void record(MessageFailure failure) {
        table.putAlways(ExpiringRecords.failure(failure));
    }

    @Override
    public Optional<MessageFailure> find(String messageId) {
        return table.get(ItemKeys.failure(messageId), FAILURE).map(ExpiringRecords::failure);
    }
}
