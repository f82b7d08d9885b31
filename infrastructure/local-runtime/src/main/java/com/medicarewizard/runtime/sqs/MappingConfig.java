package com.medicarewizard.runtime.sqs;

import com.medicarewizard.functions.QueueSource;

import java.time.Duration;

/**
 * The settings of an SQS event source mapping, as {@code infrastructure/} sets them in AWS.
 *
 * @param batchSize the most messages per invocation (1..10)
 * @param maximumBatchingWindow how long to keep gathering messages for a batch that is not full
 *     (0 .. 5 min); zero invokes with whatever one receive returns
 * @param reportBatchItemFailures whether the handler's {@code SQSBatchResponse} is honoured
 *     ({@code ReportBatchItemFailures} in the function response types)
 * @param pollWait the long-poll wait of each idle receive (1..20 s); Lambda's pollers use 20 s,
 *     tests use less so that a closed mapping leaves no receive pending for long
 * @param maximumConcurrency how many batches the function may work on at once ({@code ScalingConfig.
 *     MaximumConcurrency} in AWS): the embedded mapping runs that many pollers, each invoking a
 *     container of its own one batch at a time
 */
public record MappingConfig(int batchSize, Duration maximumBatchingWindow,
                            boolean reportBatchItemFailures, Duration pollWait, int maximumConcurrency) {

    /** Lambda's long-poll wait, the SQS maximum. */
    public static final Duration LONG_POLL = Duration.ofSeconds(20);

    public MappingConfig {
        if (batchSize < 1 || batchSize > 10) {
            throw new IllegalArgumentException("batch size must be within 1..10");
        }
        if (maximumBatchingWindow.isNegative() || maximumBatchingWindow.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("batching window must be within 0..5 min");
        }
        if (pollWait.toSeconds() < 1 || pollWait.compareTo(LONG_POLL) > 0) {
            throw new IllegalArgumentException("poll wait must be within 1..20 s");
        }
        if (maximumConcurrency < 1) {
            throw new IllegalArgumentException("maximum concurrency must be at least 1");
        }
    }

    /**
     * The embedded runtime's mapping of the spec: its batch size, window and batch item failures, its
     * local maximum concurrency, and Lambda's 20 s long poll.
     */
    public static MappingConfig of(QueueSource source) {
        return new MappingConfig(source.batchSize(), source.batchingWindow(), source.reportBatchItemFailures(),
                LONG_POLL, source.maximumConcurrency().local());
    }

    /** A mapping with Lambda's 20 s long poll and one poller. */
    public MappingConfig(int batchSize, Duration maximumBatchingWindow, boolean reportBatchItemFailures) {
        this(batchSize, maximumBatchingWindow, reportBatchItemFailures, LONG_POLL, 1);
    }

    /** A mapping reporting batch item failures, as every mapping of ours does. */
    public MappingConfig(int batchSize, Duration maximumBatchingWindow) {
        this(batchSize, maximumBatchingWindow, true);
    }

    /** The same mapping with another long-poll wait. */
    public MappingConfig withPollWait(Duration wait) {
        return new MappingConfig(batchSize, maximumBatchingWindow, reportBatchItemFailures, wait, maximumConcurrency);
    }

    /** The same mapping with another maximum concurrency (the deployed one, for the AWS pipeline's tests). */
    public MappingConfig withMaximumConcurrency(int concurrency) {
        return new MappingConfig(batchSize, maximumBatchingWindow, reportBatchItemFailures, pollWait, concurrency);
    }
}
