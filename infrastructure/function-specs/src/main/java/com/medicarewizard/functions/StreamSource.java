package com.medicarewizard.functions;

import java.time.Duration;
import java.util.Objects;

/**
 * The DynamoDB stream event source mapping that feeds the notifier from the table's changes.
 *
 * @param batchSize               the most records per invocation (1..10000)
 * @param batchingWindow          how long to gather records for a batch that is not full (0..5 min)
 * @param retryAttempts           retries of a failing batch before its records go to the on-failure
 *                                destination (0..10000); bisected halves are retried without counting
 * @param maxRecordAge            records older than this, once failing, go to the destination (1 min..7 days)
 * @param bisectOnError           whether a failing batch is split in two and each half retried
 * @param reportBatchItemFailures whether the handler's {@code StreamsEventResponse} is honoured
 */
public record StreamSource(int batchSize, Duration batchingWindow, int retryAttempts, Duration maxRecordAge,
                           boolean bisectOnError, boolean reportBatchItemFailures) {

    /** The ranges are checked where the values are used: by the CDK and by the embedded runtime's StreamMappingConfig. */
    public StreamSource {
        Objects.requireNonNull(batchingWindow, "batching window");
        Objects.requireNonNull(maxRecordAge, "record age");
    }
}
