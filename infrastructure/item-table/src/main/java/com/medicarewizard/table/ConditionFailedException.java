package com.medicarewizard.table;

import java.util.Optional;

/**
 * A write's condition did not hold, so nothing was written — DynamoDB's
 * ConditionalCheckFailedException with ReturnValuesOnConditionCheckFailure=ALL_OLD.
 */
public final class ConditionFailedException extends RuntimeException {

    private final transient Optional<Item> current;

    public ConditionFailedException(Key key, Optional<Item> current) {
        super("The conditional request failed for " + key);
        this.current = current;
    }

    /** The item as it is, which the condition was evaluated on. */
    public Optional<Item> current() {
        return current;
    }
}
