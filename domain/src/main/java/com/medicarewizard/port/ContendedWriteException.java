package com.medicarewizard.port;

/**
 * A write met other writes to the same records under way, again and again, beyond the store's
 * bounded retries, and what it would have decided could not be learnt by reading them: nothing was
 * written, and the caller may try again in a moment. (In DynamoDB: a transaction cancelled by
 * {@code TransactionConflict} whose items are still unsettled, or by {@code ThrottlingError}: the
 * table or an item over its throughput.)
 */
public final class ContendedWriteException extends RuntimeException {

    public ContendedWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
