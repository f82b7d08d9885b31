package com.medicarewizard.runtime.stream;

import com.medicarewizard.functions.StreamSource;

import java.time.Duration;
import java.util.Objects;

/**
 * The settings of a DynamoDB stream event source mapping, as {@code infrastructure/} sets them in AWS
 * (from the same {@link StreamSource}), and how often the embedded one polls.
 *
 * @param batchSize the most records per invocation (1..10000)
 * @param maximumBatchingWindow how long to gather records for a batch that is not full (0..5 min)
 * @param maximumRetryAttempts retries of a failing batch before its records go to the on-failure
 *     destination (0..10000); bisected halves are retried without counting
 * @param maximumRecordAge records older than this are not retried but sent to the destination
 * @param bisectBatchOnFunctionError whether a failing batch is split in two and each half retried
 * @param pollInterval how often an idle stream is read again (Lambda polls a shard about 4 times a second)
 */
public record StreamMappingConfig(int batchSize, Duration maximumBatchingWindow, int maximumRetryAttempts,
                                  Duration maximumRecordAge, boolean bisectBatchOnFunctionError,
                                  Duration pollInterval) {

    public StreamMappingConfig {
        Objects.requireNonNull(maximumBatchingWindow, "batching window");
        Objects.requireNonNull(maximumRecordAge, "record age");
        Objects.requireNonNull(pollInterval, "poll interval");
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("batch size must be within 1..10000");
        }
        if (maximumBatchingWindow.isNegative() || maximumBatchingWindow.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("batching window must be within 0..5 min");
        }
        if (maximumRetryAttempts < 0 || maximumRetryAttempts > 10_000) {
            throw new IllegalArgumentException("maximum retry attempts must be within 0..10000");
        }
        if (maximumRecordAge.compareTo(Duration.ofSeconds(60)) < 0 && !maximumRecordAge.isZero()
                || maximumRecordAge.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("maximum record age must be within 60 s..7 days");
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("poll interval must be positive");
        }
    }

    /**
     * The mapping its spec defines, read every 50 ms when idle: a local poll costs a lock and a
     * lookup, so it can be quicker than Lambda's.
     */
    public static StreamMappingConfig of(StreamSource source) {
        if (!source.reportBatchItemFailures()) {
            throw new IllegalArgumentException("the embedded stream mapping always honours batch item failures");
        }
        return new StreamMappingConfig(source.batchSize(), source.batchingWindow(), source.retryAttempts(),
                source.maxRecordAge(), source.bisectOnError(), Duration.ofMillis(50));
    }

    public StreamMappingConfig withBatchSize(int size) {
        return new StreamMappingConfig(size, maximumBatchingWindow, maximumRetryAttempts, maximumRecordAge,
                bisectBatchOnFunctionError, pollInterval);
    }

    public StreamMappingConfig withRetries(int retries, boolean bisect) {
        return new StreamMappingConfig(batchSize, maximumBatchingWindow, retries, maximumRecordAge, bisect,
                pollInterval);
    }
}
