package com.medicarewizard.table;

import java.util.Objects;
import java.util.Optional;

/**
 * Why one write of a cancelled transaction did not happen, as in DynamoDB's CancellationReasons:
 * code {@code ConditionalCheckFailed} with the current item, {@code TransactionConflict} (another
 * transaction held the item: nothing is known about it, read it again), or {@code None}.
 */
public record CancellationReason(String code, Optional<Item> current) {

    public static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";
    public static final String TRANSACTION_CONFLICT = "TransactionConflict";
    public static final String NONE = "None";

    public CancellationReason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(current, "current");
    }

    public static CancellationReason failed(Optional<Item> current) {
        return new CancellationReason(CONDITIONAL_CHECK_FAILED, current);
    }

    public static CancellationReason none() {
        return new CancellationReason(NONE, Optional.empty());
    }

    /** The write met another transaction under way on its item (DynamoDB only; the embedded table serialises). */
    public static CancellationReason conflict() {
        return new CancellationReason(TRANSACTION_CONFLICT, Optional.empty());
    }

    public boolean conditionFailed() {
        return CONDITIONAL_CHECK_FAILED.equals(code);
    }

    public boolean conflicted() {
        return TRANSACTION_CONFLICT.equals(code);
    }
}
