package com.medicarewizard.runtime.sqs;

/**
 * What an event source mapping has done so far.
 *
 * @param batches invocations made
 * @param messages messages delivered in those invocations (redeliveries count again)
 * @param failedBatches invocations that failed as a whole (exception, timeout, bad response)
 * @param failedItems messages the function reported in {@code batchItemFailures}
 * @param deleted messages deleted after a successful handling
 */
public record MappingCounters(long batches, long messages, long failedBatches, long failedItems,
                              long deleted) {
}
