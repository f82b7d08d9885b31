package com.medicarewizard.runtime.sqs;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.medicarewizard.runtime.lambda.ExecutorStop;
import com.medicarewizard.runtime.lambda.InvocationFailedException;
import com.medicarewizard.runtime.lambda.LocalFunction;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Lambda's SQS event source mapping for one function with a concurrency of 1: one poller thread
 * gathers a batch, invokes the function with the {@link SQSEvent} Lambda would build, waits for
 * it, then hands what was handled to a deleter thread and polls again, so that the delete of one
 * batch overlaps the receive of the next (as Lambda's pollers and deleters do; a delete that is
 * lost to a crash only means the message comes again). Nothing else is retried here: messages left in the queue
 * become visible again after the visibility timeout, and the queue's redrive policy moves them
 * to the dead-letter queue after {@code maxReceiveCount} receives, as in AWS.
 */
public final class SqsEventSourceMapping implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(SqsEventSourceMapping.class);
    private static final long ERROR_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** How long a stop waits for the batch in hand, then for the interrupted invocation, then for deletes. */
    private static final Duration STOP_GRACE = Duration.ofMillis(1500);

    private final SqsClient sqs;
    private final String queueUrl;
    private final LocalFunction<SQSEvent, SQSBatchResponse> function;
    private final MappingConfig config;
    private final BatchReceiver receiver;
    private final SqsEventAssembler assembler = new SqsEventAssembler();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong failedBatches = new AtomicLong();
    private final AtomicLong failedItems = new AtomicLong();
    private final AtomicLong deleted = new AtomicLong();
    private final ExecutorService deleter;
    private volatile boolean running;
    private Thread poller;

    public SqsEventSourceMapping(SqsClient sqs, String queueUrl,
                                 LocalFunction<SQSEvent, SQSBatchResponse> function, MappingConfig config) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.function = function;
        this.config = config;
        this.receiver = new BatchReceiver(sqs, queueUrl, config);
        // At most two deletes wait; beyond that the poller deletes itself, so deletes never lag far.
        this.deleter = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(2),
                Thread.ofPlatform().daemon().name("sqs-esm-delete-" + function.config().name()).factory(),
                new ThreadPoolExecutor.CallerRunsPolicy());
    }

    /** Starts the poller thread. */
    public synchronized SqsEventSourceMapping start() {
        if (poller != null) {
            throw new IllegalStateException("mapping already started");
        }
        running = true;
        poller = Thread.ofPlatform().daemon().name("sqs-esm-" + function.config().name()).start(this::poll);
        return this;
    }

    /**
     * Stops polling. The batch in hand is given {@link #STOP_GRACE} to finish (a local batch takes
     * milliseconds) and what it handled is deleted; past that its invocation is abandoned (its
     * thread interrupted) and its batch not deleted: it comes again after the visibility timeout,
     * as after a crash. A long poll under way is not waited for; whatever it returns is dropped,
     * to become visible again later.
     */
    @Override
    public synchronized void close() {
        running = false;
        if (poller != null && !receiver.receiving()) {
            join(STOP_GRACE);
            if (poller.isAlive() && !receiver.receiving()) {
                LOG.warn("the batch from {} did not finish within {}: abandoned, it comes again", queueUrl, STOP_GRACE);
                poller.interrupt();
                join(STOP_GRACE);
            }
        }
        if (!ExecutorStop.within(deleter, STOP_GRACE)) {
            LOG.warn("deletes from {} still under way when stopped: those messages come again", queueUrl);
        }
        LOG.info("event source mapping of {} on {} stopped", function.config().name(), QueueUrls.nameOf(queueUrl));
    }

    /** A snapshot of what the mapping has done so far. */
    public MappingCounters counters() {
        return new MappingCounters(batches.get(), messages.get(), failedBatches.get(),
                failedItems.get(), deleted.get());
    }

    private void poll() {
        while (running) {
            try {
                List<Message> batch = receiver.next(() -> running);
                if (!batch.isEmpty() && running) {
                    handle(batch);
                }
            } catch (SdkException e) {
                if (running) {
                    LOG.warn("receiving from {} failed, retrying: {}", queueUrl, e.toString());
                    LockSupport.parkNanos(ERROR_BACKOFF_NANOS);
                }
            } catch (RuntimeException e) {
                // a bug of ours must not silently end the poller: log it and keep polling
                LOG.error("batch from {} could not be processed", queueUrl, e);
                LockSupport.parkNanos(ERROR_BACKOFF_NANOS);
            }
        }
    }

    private void handle(List<Message> batch) {
        batches.incrementAndGet();
        messages.addAndGet(batch.size());
        SQSEvent event = assembler.assemble(QueueUrls.nameOf(queueUrl), batch);
        BatchVerdict verdict = invoke(event, batch);
        if (verdict.batchFailed()) {
            failedBatches.incrementAndGet();
        } else {
            failedItems.addAndGet(verdict.toRetry().size());
        }
        if (!verdict.toDelete().isEmpty()) {
            // a batch finished while stopping is deleted still; once the deleter has stopped it
            // drops the delete: the batch comes again, as after a crash before the delete
            deleter.execute(() -> delete(verdict.toDelete()));
        }
    }

    private BatchVerdict invoke(SQSEvent event, List<Message> batch) {
        try {
            SQSBatchResponse response = function.invoke(event);
            return BatchVerdict.of(batch, response, config.reportBatchItemFailures());
        } catch (InvocationFailedException e) {
            LOG.warn("{}: the batch of {} stays in {}", e.getMessage(), batch.size(), queueUrl, e.getCause());
            return BatchVerdict.failed(batch);
        }
    }

    /** A delete that fails leaves the message to come again: at-least-once, as in AWS. */
    private void delete(List<Message> handled) {
        List<DeleteMessageBatchRequestEntry> entries = handled.stream()
                .map(m -> DeleteMessageBatchRequestEntry.builder()
                        .id(m.messageId()).receiptHandle(m.receiptHandle()).build())
                .toList();
        try {
            var result = sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            deleted.addAndGet(result.successful().size());
            result.failed().forEach(f -> LOG.warn("delete of {} from {} failed, it will come again: {} {}",
                    f.id(), queueUrl, f.code(), f.message()));
        } catch (SdkException e) {
            LOG.warn("deleting {} handled messages from {} failed, they will come again: {}",
                    handled.size(), queueUrl, e.toString());
        }
    }

    private void join(Duration bound) {
        try {
            poller.join(bound);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
