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
 * @param maximumConcurrency      how many batches the mapping may have the function work on at once:
 *                                in AWS the mapping's {@code ScalingConfig.MaximumConcurrency} (2..1000),
 *                                locally the embedded mapping's pollers
 */
public record QueueSource(int batchSize, Duration batchingWindow, boolean reportBatchItemFailures,
                          PerRuntime<Duration> visibilityTimeout, int maxReceiveCount,
                          PerRuntime<Integer> maximumConcurrency) {

    /** Lambda's range of {@code ScalingConfig.MaximumConcurrency}: no lower cap exists in AWS. */
    public static final int LEAST_AWS_CONCURRENCY = 2;
    public static final int MOST_AWS_CONCURRENCY = 1000;

    /**
     * The ranges are checked where the values are used (by the CDK and by the embedded runtime's
     * MappingConfig), except the mapping's concurrency, whose AWS range is a rule of the design
     * (docs/adr/0008): nothing below 2 can be deployed, so nothing below 2 is written here.
     */
    public QueueSource {
        Objects.requireNonNull(batchingWindow, "batching window");
        Objects.requireNonNull(visibilityTimeout, "visibility timeout");
        Objects.requireNonNull(maximumConcurrency, "maximum concurrency");
        if (maximumConcurrency.aws() < LEAST_AWS_CONCURRENCY || maximumConcurrency.aws() > MOST_AWS_CONCURRENCY) {
            throw new IllegalArgumentException("an SQS event source mapping's maximum concurrency is within "
                    + LEAST_AWS_CONCURRENCY + ".." + MOST_AWS_CONCURRENCY);
        }
        if (maximumConcurrency.local() < 1) {
            throw new IllegalArgumentException("the embedded mapping needs at least one poller");
        }
    }
}
