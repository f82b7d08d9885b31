package com.medicarewizard.table;

import java.util.Optional;

/**
 * Why one write of a cancelled transaction did not happen, as in DynamoDB's CancellationReasons:
 * code {@code ConditionalCheckFailed} with the current item, or {@code None}.
 */
public record CancellationReason(boolean conditionFailed, Optional<Item> current) {

    public static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";
    public static final String NONE = "None";

    public static CancellationReason failed(Optional<Item> current) {
        return new CancellationReason(true, current);
    }

    public static CancellationReason none() {
        return new CancellationReason(false, Optional.empty());
    }

    public String code() {
        return conditionFailed ? CONDITIONAL_CHECK_FAILED : NONE;
    }
}
