package com.medicarewizard.functions;

import java.time.Duration;
import java.util.Objects;

/**
 * The reservation queue and the SQS event source mapping that feeds the allocator from it.
 *
 * @param batchSize               the most messages per invocation (1..10)
 * @param batchingWindow          how long to gather messages for a batch that is not full (0..5 min)
 * @param reportBatchItemFailures whether the handler's {@code SQSBatchResponse} is honoured
 * @param visibilityTimeout       how long a received message stays hidden (at least six times the
 *                                consumer's timeout: AWS's rule for SQS event sources)
 * @param maxReceiveCount         receives after which the redrive policy moves a message to the
 *                                dead-letter queue (1..1000)
 */
public record QueueSource(int batchSize, Duration batchingWindow, boolean reportBatchItemFailures,
                          PerRuntime<Duration> visibilityTimeout, int maxReceiveCount) {

    public QueueSource {
        Objects.requireNonNull(batchingWindow, "batching window");
        Objects.requireNonNull(visibilityTimeout, "visibility timeout");
        if (batchSize < 1 || batchSize > 10) {
            throw new IllegalArgumentException("batch size must be within 1..10");
        }
        if (batchingWindow.isNegative() || batchingWindow.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("batching window must be within 0..5 min");
        }
        if (maxReceiveCount < 1 || maxReceiveCount > 1000) {
            throw new IllegalArgumentException("maxReceiveCount must be within 1..1000");
        }
    }
}
