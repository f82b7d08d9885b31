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

    /** The ranges are checked where the values are used: by the CDK and by the embedded runtime's MappingConfig. */
    public QueueSource {
        Objects.requireNonNull(batchingWindow, "batching window");
        Objects.requireNonNull(visibilityTimeout, "visibility timeout");
    }
}
