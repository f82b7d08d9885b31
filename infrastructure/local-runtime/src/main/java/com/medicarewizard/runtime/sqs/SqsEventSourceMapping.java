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
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Lambda's SQS event source mapping for one function: as many pollers as the mapping's maximum
 * concurrency ({@link MappingConfig#maximumConcurrency()}: 1 for the embedded allocator, the
 * deployed value where the AWS pipeline is tested), each invoking a function container of its own,
 * as Lambda runs each concurrent batch in its own execution environment. A poller gathers a batch,
 * invokes its container with the {@link SQSEvent} Lambda would build, waits for it, then hands what
 * was handled to the deleter thread and polls again, so that the delete of one batch overlaps the
 * receive of the next (as Lambda's pollers and deleters do; a delete that is lost to a crash only
 * means the message comes again). Nothing else is retried here: messages left in the queue
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
    private final String name;
    private final MappingConfig config;
    private final List<Poller> pollers;
    private final SqsEventAssembler assembler = new SqsEventAssembler();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong failedBatches = new AtomicLong();
    private final AtomicLong failedItems = new AtomicLong();
    private final AtomicLong deleted = new AtomicLong();
    private final ExecutorService deleter;
    private volatile boolean running;
    private boolean started;

    /**
     * A mapping of one poller invoking {@code function}.
     *
     * @throws IllegalArgumentException when {@code config} asks for more than one poller: one container
     *     runs one batch at a time, so each poller needs its own (the other constructor)
     */
    public SqsEventSourceMapping(SqsClient sqs, String queueUrl,
                                 LocalFunction<SQSEvent, SQSBatchResponse> function, MappingConfig config) {
        this(sqs, queueUrl, onlyContainer(function, config), config);
    }

    /**
     * A mapping of {@link MappingConfig#maximumConcurrency()} pollers, each invoking a container that
     * {@code containers} makes for it (the caller closes them once the mapping is closed).
     */
    public SqsEventSourceMapping(SqsClient sqs, String queueUrl,
                                 Supplier<LocalFunction<SQSEvent, SQSBatchResponse>> containers, MappingConfig config) {
        this(sqs, queueUrl, Stream.generate(containers).limit(config.maximumConcurrency()).toList(), config);
    }

    private SqsEventSourceMapping(SqsClient sqs, String queueUrl,
                                  List<LocalFunction<SQSEvent, SQSBatchResponse>> containers, MappingConfig config) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.config = config;
        this.name = containers.getFirst().config().name();
        this.pollers = containers.stream().map(container -> new Poller(new BatchReceiver(sqs, queueUrl, config),
                container)).toList();
        // At most two deletes wait; beyond that the poller deletes itself, so deletes never lag far.
        this.deleter = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(2),
                Thread.ofPlatform().daemon().name("sqs-esm-delete-" + name).factory(),
                new ThreadPoolExecutor.CallerRunsPolicy());
    }

    private static List<LocalFunction<SQSEvent, SQSBatchResponse>> onlyContainer(
            LocalFunction<SQSEvent, SQSBatchResponse> function, MappingConfig config) {
        if (config.maximumConcurrency() != 1) {
            throw new IllegalArgumentException("one container runs one batch at a time: a maximum concurrency of "
                    + config.maximumConcurrency() + " needs a container per poller");
        }
        return List.of(function);
    }

    /** Starts the poller threads. */
    public synchronized SqsEventSourceMapping start() {
        if (started) {
            throw new IllegalStateException("mapping already started");
        }
        started = true;
        running = true;
        for (int i = 0; i < pollers.size(); i++) {
            Poller poller = pollers.get(i);
            poller.thread = Thread.ofPlatform().daemon().name("sqs-esm-" + name + (pollers.size() > 1 ? "-" + i : ""))
                    .start(poller::poll);
        }
        return this;
    }

    /** How many pollers the mapping runs: how many batches can be in hand at once. */
    public int pollers() {
        return pollers.size();
    }

    /**
     * Stops polling. Each batch in hand is given {@link #STOP_GRACE} to finish (a local batch takes
     * milliseconds) and what it handled is deleted; past that its invocation is abandoned (its
     * thread interrupted) and its batch not deleted: it comes again after the visibility timeout,
     * as after a crash. A long poll under way is not waited for; whatever it returns is dropped,
     * to become visible again later.
     */
    @Override
    public synchronized void close() {
        running = false;
        for (Poller poller : pollers) {
            poller.stop();
        }
        if (!ExecutorStop.within(deleter, STOP_GRACE)) {
            LOG.warn("deletes from {} still under way when stopped: those messages come again", queueUrl);
        }
        LOG.info("event source mapping of {} on {} stopped", name, QueueUrls.nameOf(queueUrl));
    }

    /** A snapshot of what the mapping has done so far. */
    public MappingCounters counters() {
        return new MappingCounters(batches.get(), messages.get(), failedBatches.get(),
                failedItems.get(), deleted.get());
    }

    /** One poller and the container it invokes, one batch at a time. */
    private final class Poller {
        private final BatchReceiver receiver;
        private final LocalFunction<SQSEvent, SQSBatchResponse> function;
        private Thread thread;

        Poller(BatchReceiver receiver, LocalFunction<SQSEvent, SQSBatchResponse> function) {
            this.receiver = receiver;
            this.function = function;
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

        /** Lets the batch in hand finish, then abandons it; a long poll under way is not waited for. */
        private void stop() {
            if (thread != null && !receiver.receiving()) {
                join(STOP_GRACE);
                if (thread.isAlive() && !receiver.receiving()) {
                    LOG.warn("the batch from {} did not finish within {}: abandoned, it comes again", queueUrl,
                            STOP_GRACE);
                    thread.interrupt();
                    join(STOP_GRACE);
                }
            }
        }

        private void join(Duration bound) {
            try {
                thread.join(bound);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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

}
