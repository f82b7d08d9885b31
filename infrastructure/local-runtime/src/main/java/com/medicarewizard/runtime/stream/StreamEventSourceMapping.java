package com.medicarewizard.runtime.stream;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.medicarewizard.adapter.embedded.table.ChangeStream;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import com.medicarewizard.adapter.embedded.table.StreamRecord;
import com.medicarewizard.runtime.lambda.InvocationFailedException;
import com.medicarewizard.runtime.lambda.LocalFunction;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Lambda's DynamoDB stream event source mapping for one function on the table's one shard: a
 * poller reads the change stream after the consumer's durable checkpoint, invokes the function
 * with the {@link DynamodbEvent} Lambda would build, waits, and moves the checkpoint past what
 * was done — records are delivered in commit order, so those of one item never overtake each
 * other. A reported batch item failure checkpoints just before it and delivers it and every later
 * record again, a retry of those records even when the ones before it were done (as AWS counts
 * it); a function error delivers the whole batch again, halved when bisecting (a
 * split, which does not count as a retry). After the
 * maximum retries (or past the maximum record age) the failing records are recorded in the
 * {@link FailureDestination} and skipped, so one poison record never blocks the stream. A
 * restart resumes at the checkpoint.
 *
 * <p>It reads its shard through a {@link ShardReader}: the embedded table's {@link ChangeStream}
 * in process (the embedded runtime), or the DynamoDB Streams API of a wire endpoint
 * ({@link #overStreamsApi}), for the Lambda entries run against AWS's protocols.
 */
public final class StreamEventSourceMapping implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(StreamEventSourceMapping.class);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(100);
    /** How long a stop waits for the batch in hand, then for its interrupted invocation. */
    private static final Duration STOP_GRACE = Duration.ofMillis(1500);
    private final ShardReader stream;
    private final String consumer;
    private final LocalFunction<DynamodbEvent, StreamsEventResponse> function;
    private final StreamMappingConfig config;
    private final FailureDestination destination;
    private final Clock clock;
    private final DynamodbEventAssembler assembler;
    private final AtomicLong invocations = new AtomicLong();
    private final AtomicLong sentToDestination = new AtomicLong();
    private volatile long position;
    private volatile boolean running;
    private int attempts;
    private int batchLimit;
    private Thread poller;

    /** The mapping of the embedded runtime, on the table's change stream, with durable checkpoints. */
    public StreamEventSourceMapping(ChangeStream stream, LocalFunction<DynamodbEvent, StreamsEventResponse> function,
                                    StreamMappingConfig config, OnFailureDestination destination, Clock clock) {
        this(ShardReader.of(stream), new DynamodbEventAssembler(), function, config, destination, clock);
    }

    /**
     * A mapping reading through {@code reader}, giving the function events whose records come from
     * the stream {@code assembler} names.
     */
    public StreamEventSourceMapping(ShardReader reader, DynamodbEventAssembler assembler,
                                    LocalFunction<DynamodbEvent, StreamsEventResponse> function,
                                    StreamMappingConfig config, FailureDestination destination, Clock clock) {
        this.stream = reader;
        this.assembler = assembler;
        this.consumer = function.config().name();
        this.function = function;
        this.config = config;
        this.destination = destination;
        this.clock = clock;
        this.batchLimit = config.batchSize();
    }

    /**
     * Lambda's DynamoDB stream event source mapping of {@code function} on the stream
     * {@code streamArn} (DescribeTable's {@code LatestStreamArn}), read through the Streams API
     * with {@code streams} from TRIM_HORIZON, as the deployed mapping reads it; what it gives up on
     * goes to {@code destination} (an {@link SqsFailureDestination}, as deployed). Not started.
     */
    public static StreamEventSourceMapping overStreamsApi(DynamoDbStreamsClient streams, String streamArn,
                                                          LocalFunction<DynamodbEvent, StreamsEventResponse> function,
                                                          StreamMappingConfig config, FailureDestination destination,
                                                          Clock clock) {
        String region = streamArn.split(":")[3];
        return new StreamEventSourceMapping(new StreamsApiShardReader(streams, streamArn),
                new DynamodbEventAssembler(region, streamArn), function, config, destination, clock);
    }

    public synchronized StreamEventSourceMapping start() {
        if (poller != null) {
            throw new IllegalStateException("mapping already started");
        }
        position = stream.checkpoint(consumer);
        running = true;
        poller = Thread.ofPlatform().daemon().name("ddb-esm-" + consumer).start(this::poll);
        return this;
    }

    /**
     * Stops polling. The batch in hand is given {@link #STOP_GRACE} to finish, and what it did is
     * checkpointed; past that its invocation is abandoned (its thread interrupted) and the batch
     * comes again after a restart.
     */
    @Override
    public synchronized void close() {
        running = false;
        if (poller != null) {
            LockSupport.unpark(poller); // an idle poller waits for no poll interval
            join(STOP_GRACE);
            if (poller.isAlive()) {
                LOG.warn("the stream batch of {} did not finish within {}: abandoned, it comes again", consumer,
                        STOP_GRACE);
                poller.interrupt();
                join(STOP_GRACE);
            }
        }
        LOG.info("event source mapping of {} on the table's stream stopped at {}", consumer, position);
    }

    private void join(Duration bound) {
        try {
            poller.join(bound);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The consumer's checkpoint: every record up to it is done. */
    public long checkpoint() {
        return position;
    }

    public long invocations() {
        return invocations.get();
    }

    public long sentToDestination() {
        return sentToDestination.get();
    }

    /** Age in seconds of the oldest record not yet done (Lambda's IteratorAge), 0 when none waits. */
    public double lagSeconds() {
        List<StreamRecord> next = stream.read(position, 1);
        if (next.isEmpty()) {
            return 0;
        }
        return Math.max(0, Duration.between(next.getFirst().approximateCreationTime(), clock.instant()).toMillis()
                / 1000.0);
    }

    private void poll() {
        while (running) {
            try {
                List<StreamRecord> batch = gather();
                if (batch.isEmpty()) {
                    LockSupport.parkNanos(config.pollInterval().toNanos());
                } else if (running) {
                    handle(batch);
                }
            } catch (RuntimeException e) {
                // a bug of ours (or the table closing) must not silently end the poller
                if (running) {
                    LOG.error("stream batch for {} could not be processed", consumer, e);
                    LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
                }
            }
        }
    }

    private List<StreamRecord> gather() {
        List<StreamRecord> batch = new ArrayList<>(stream.read(position, batchLimit));
        long windowEnd = System.nanoTime() + config.maximumBatchingWindow().toNanos();
        while (running && !batch.isEmpty() && batch.size() < batchLimit && System.nanoTime() < windowEnd) {
            LockSupport.parkNanos(Math.min(config.pollInterval().toNanos(), windowEnd - System.nanoTime()));
            batch.addAll(stream.read(batch.getLast().sequenceNumber(), batchLimit - batch.size()));
        }
        return batch;
    }

    /**
     * Checkpoints what the function did and retries the rest. A reported batch item failure is a
     * failed invocation even when the records before it were done: AWS checkpoints before the lowest
     * reported record and retries from there "based on your retry strategy"
     * (services-ddb-batchfailurereporting), so the retries of the rest go on counting across such
     * partial successes (only splitting a batch does not count, services-dynamodb-errors); the count
     * starts again once a batch succeeds whole or is given up on.
     */
    private void handle(List<StreamRecord> batch) {
        invocations.incrementAndGet();
        StreamBatchVerdict verdict = invoke(batch);
        if (!verdict.failed()) {
            advance(batch.getLast().sequenceNumber());
            return;
        }
        if (verdict.done() > 0) {
            // also while stopping: what was done is not done again after a restart
            checkpoint(batch.get(verdict.done() - 1).sequenceNumber());
        }
        if (running) {
            failed(batch.subList(verdict.done(), batch.size()), verdict.wholeBatch());
        }
    }

    private StreamBatchVerdict invoke(List<StreamRecord> batch) {
        try {
            return StreamBatchVerdict.of(batch, function.invoke(assembler.assemble(batch)));
        } catch (InvocationFailedException e) {
            LOG.warn("{}: the batch of {} from {} comes again", e.getMessage(), batch.size(),
                    batch.getFirst().sequenceNumber());
            return StreamBatchVerdict.functionError();
        }
    }

    private void failed(List<StreamRecord> rest, boolean functionError) {
        boolean tooOld = !config.maximumRecordAge().isZero() && rest.getFirst().approximateCreationTime()
                .plus(config.maximumRecordAge()).isBefore(clock.instant());
        if (tooOld) {
            // this failure is not counted in attempts yet
            giveUp(rest, "RecordAgeExceeded", attempts + 1, functionError);
            return;
        }
        if (functionError && config.bisectBatchOnFunctionError() && rest.size() > 1) {
            batchLimit = rest.size() / 2;
            return;
        }
        attempts++;
        batchLimit = rest.size();
        if (attempts > config.maximumRetryAttempts()) {
            giveUp(rest, "RetryAttemptsExhausted", attempts, functionError);
        } else {
            LockSupport.parkNanos(RETRY_PAUSE.toNanos());
        }
    }

    /** Sends the records to the destination after {@code invocations} failed invocations, and goes past them. */
    private void giveUp(List<StreamRecord> records, String condition, int invocations, boolean functionError) {
        destination.send(new FailedBatch(records, condition, invocations, functionError, consumer, clock.instant(),
                assembler.eventSourceArn()));
        sentToDestination.addAndGet(records.size());
        LOG.error("{} stream records {}..{} for {} sent to the on-failure destination: {}", records.size(),
                records.getFirst().sequenceNumber(), records.getLast().sequenceNumber(), consumer, condition);
        advance(records.getLast().sequenceNumber());
    }

    /** Goes past {@code sequence} and starts counting retries afresh, with full batches. */
    private void advance(long sequence) {
        checkpoint(sequence);
        attempts = 0;
        batchLimit = config.batchSize();
    }

    private void checkpoint(long sequence) {
        stream.checkpoint(consumer, sequence);
        position = sequence;
    }
}
