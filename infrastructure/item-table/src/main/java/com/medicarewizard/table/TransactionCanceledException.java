package com.medicarewizard.table;

import java.util.List;

/**
 * A transaction wrote nothing because at least one condition failed or it met another transaction
 * on one of its items (what is left after the DynamoDB adapter's bounded retries); {@link #reasons()} has one
 * entry per write, in the order given, like DynamoDB's TransactionCanceledException.
 */
public final class TransactionCanceledException extends RuntimeException {

    private final transient List<CancellationReason> reasons;

    public TransactionCanceledException(List<CancellationReason> reasons) {
        super("Transaction cancelled, please refer cancellation reasons for specific reasons "
                + reasons.stream().map(CancellationReason::code).toList());
        this.reasons = List.copyOf(reasons);
    }

    public List<CancellationReason> reasons() {
        return reasons;
    }
}
