package com.medicarewizard.runtime.sqs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Gathers one batch as Lambda's poller does: a long poll until something arrives, then more
 * receives until the batch is full or the batching window has elapsed.
 */
final class BatchReceiver {

    /** Pause between short polls in the last sub-second of a window, to avoid spinning. */
    private static final long SHORT_POLL_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final SqsClient sqs;
    private final String queueUrl;
    private final MappingConfig config;
    private volatile boolean receiving;

    BatchReceiver(SqsClient sqs, String queueUrl, MappingConfig config) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.config = config;
    }

    /** Whether a ReceiveMessage call is under way (it cannot be interrupted, only waited for). */
    boolean receiving() {
        return receiving;
    }

    /**
     * The next batch; empty when the long poll ended without messages. A message received twice
     * within one window (its visibility timeout shorter than the window) is kept once, with its
     * latest receipt handle: the earlier handle no longer deletes it.
     */
    List<Message> next(BooleanSupplier running) {
        Map<String, Message> batch = new LinkedHashMap<>();
        receive(config.batchSize(), (int) config.pollWait().toSeconds()).forEach(m -> batch.put(m.messageId(), m));
        if (batch.isEmpty()) {
            return List.of();
        }
        long windowEnd = System.nanoTime() + config.maximumBatchingWindow().toNanos();
        while (running.getAsBoolean() && batch.size() < config.batchSize()) {
            long remaining = windowEnd - System.nanoTime();
            if (remaining <= 0) {
                break;
            }
            int wait = (int) Math.min(config.pollWait().toSeconds(), TimeUnit.NANOSECONDS.toSeconds(remaining));
            List<Message> more = receive(config.batchSize() - batch.size(), wait);
            more.forEach(m -> batch.put(m.messageId(), m));
            if (more.isEmpty() && wait == 0) {
                LockSupport.parkNanos(Math.min(remaining, SHORT_POLL_PAUSE_NANOS));
            }
        }
        return List.copyOf(batch.values());
    }

    private List<Message> receive(int max, int waitSeconds) {
        receiving = true;
        try {
            return sqs.receiveMessage(b -> b.queueUrl(queueUrl)
                    .maxNumberOfMessages(max)
                    .waitTimeSeconds(waitSeconds)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                    .messageAttributeNames("All")).messages();
        } finally {
            receiving = false;
        }
    }
}
