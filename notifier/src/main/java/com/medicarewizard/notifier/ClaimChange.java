package com.medicarewizard.notifier;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.medicarewizard.domain.center.Cell;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.table.Item;
import com.medicarewizard.table.layout.ItemKeys;
import com.medicarewizard.table.layout.ItemLayout;

import java.util.Map;
import java.util.Optional;

/**
 * A slot claim's change in a stream record, read from its keys alone ({@code CLAIM#<resource>} and the
 * cell's start): after an INSERT or a MODIFY (a claim, or a take-over or hand-back between two
 * reservations) the cell is taken, after a REMOVE (a release) it is free. Who holds it does not matter
 * to availability. Any other item's change is none.
 */
public record ClaimChange(Cell cell, boolean taken) {
    private static final String CLAIM_PREFIX = ItemLayout.CLAIM + "#";

    /** @throws IllegalArgumentException when a claim's keys are malformed */
    public static Optional<ClaimChange> of(DynamodbEvent.DynamodbStreamRecord record) {
        if (record.getDynamodb() == null || record.getDynamodb().getKeys() == null) {
            return Optional.empty();
        }
        Map<String, AttributeValue> keys = record.getDynamodb().getKeys();
        String pk = text(keys.get(Item.PK));
        if (pk == null || !pk.startsWith(CLAIM_PREFIX)) {
            return Optional.empty();
        }
        String sk = text(keys.get(Item.SK));
        if (sk == null || record.getEventName() == null) {
            throw new IllegalArgumentException("a claim's record without its sort key or event name");
        }
        Cell cell = new Cell(new ResourceId(pk.substring(CLAIM_PREFIX.length())), ItemKeys.instant(sk));
        return Optional.of(new ClaimChange(cell, !"REMOVE".equals(record.getEventName())));
    }

    private static String text(AttributeValue value) {
        return value == null ? null : value.getS();
    }
}
