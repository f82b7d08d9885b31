package com.medicarewizard.allocator;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.port.MessageFailures;
import com.medicarewizard.port.VersionedCenterCatalog;
import com.medicarewizard.port.MessageFailures.MessageFailure;
import com.medicarewizard.port.ReservationCommand;
import org.apache.logging.log4j.CloseableThreadContext;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The slot allocator's Lambda: decodes each queued command and hands it to the
 * {@link ReservationAllocator}. A message it cannot handle now is reported as a batch item failure (it
 * comes back after the visibility timeout and, past the queue's maxReceiveCount, is parked in the
 * dead-letter queue for operators, with its last error kept in {@link MessageFailures}); so is one
 * whose request another consumer is deciding, without an error. The others are deleted by the event
 * source.
 *
 * <p>Each decision waits on a few table calls, one after another; in DynamoDB each takes milliseconds,
 * so one decision after another would leave the consumer idle most of the time (docs/adr/0015). The
 * batch's reservations are read at once; then the commands that share nothing ({@link Touches}: not
 * the patient, not a day of a site) are decided at once, up to {@code parallelism}, and those that
 * share something one after another in the batch's order, so the outcome is the one the batch's order
 * gives. With a parallelism of 1 the batch is handled in its order on the caller's thread.
 */
public final class AllocatorHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private static final Logger LOG = LogManager.getLogger(AllocatorHandler.class);
    private static final int MAX_REASON = 300;
    private final ReservationAllocator allocator;
    private final Function<SQSEvent.SQSMessage, ReservationCommand> decoder;
    private final MessageFailures failures;
    private final Clock clock;
    private final int parallelism;
    /** The threads that read and decide at once; none with a parallelism of 1. */
    private final ExecutorService workers;
    /** The allocator's center, checked at the start and the end of each batch; none: never changes. */
    private final VersionedCenterCatalog center;

    /** One command after another, on the caller's thread. */
    public AllocatorHandler(ReservationAllocator allocator, Function<SQSEvent.SQSMessage, ReservationCommand> decoder,
                            MessageFailures failures, Clock clock) {
        this(allocator, decoder, failures, clock, 1);
    }

    /**
     * @param failures    where the last error of each failed message is kept for the operators' dead-letter list
     * @param parallelism the most commands of a batch decided at once (the event source's batch size: 10)
     */
    public AllocatorHandler(ReservationAllocator allocator, Function<SQSEvent.SQSMessage, ReservationCommand> decoder,
                            MessageFailures failures, Clock clock, int parallelism) {
        this(allocator, decoder, failures, clock, parallelism, null);
    }

    /**
     * @param center the allocator's own center catalog: a batch is decided on the version it keeps (checked at
     *               most its max age before), and the version is checked again at the batch's end; when a newer
     *               one was saved meanwhile, the batch's bookings that it strands are cancelled ({@link
     *               ReservationAllocator#cancelIfStranded}): no booking stored after a change escapes it
     */
    public AllocatorHandler(ReservationAllocator allocator, Function<SQSEvent.SQSMessage, ReservationCommand> decoder,
                            MessageFailures failures, Clock clock, int parallelism, VersionedCenterCatalog center) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("a batch is decided at least one command at a time, not " + parallelism);
        }
        this.allocator = allocator;
        this.decoder = decoder;
        this.failures = failures;
        this.clock = clock;
        this.parallelism = parallelism;
        this.workers = parallelism == 1 ? null : workers(parallelism);
        this.center = center;
    }

    /** Daemon threads that end after a minute idle: a handler dropped (a test's) leaves none behind. */
    private static ExecutorService workers(int parallelism) {
        ThreadPoolExecutor workers = new ThreadPoolExecutor(parallelism, parallelism, 1, TimeUnit.MINUTES,
                new LinkedBlockingQueue<>(), Thread.ofPlatform().daemon().name("allocator-", 0).factory());
        workers.allowCoreThreadTimeOut(true);
        return workers;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        // the version the batch is decided on: the one kept, checked at most its max age ago (the end of the
        // batch before checks it), so a steady stream of batches reads the pointer once a batch, at its end
        long version = center == null ? 0 : center.version().number();
        List<Job> jobs = event.getRecords().stream().map(message -> new Job(message, decode(message, context))).toList();
        List<Boolean> handled = parallelism == 1 || jobs.size() < 2
                ? jobs.stream().map(job -> run(job, null, context)).toList()
                : atOnce(jobs, context);
        if (center != null && center.fresh().number() != version) {
            cancelStranded(jobs, handled);
        }
        List<SQSBatchResponse.BatchItemFailure> failed = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            if (!handled.get(i)) {
                failed.add(new SQSBatchResponse.BatchItemFailure(jobs.get(i).message().getMessageId()));
            }
        }
        return new SQSBatchResponse(failed);
    }

    /**
     * The center changed while the batch was decided on its earlier version: the batch's decided requests
     * that the new one strands are cancelled. A failure here leaves the message to come again (its request is
     * decided by then, and is checked again by the next batch only if the center changes again), so it is
     * logged; the change's own scan catches what it can, and an administrator sees the booking.
     */
    private void cancelStranded(List<Job> jobs, List<Boolean> handled) {
        for (int i = 0; i < jobs.size(); i++) {
            Optional<ReservationCommand> command = jobs.get(i).command();
            if (!handled.get(i) || command.isEmpty() || command.get().type() != ReservationCommand.Type.DECIDE) {
                continue;
            }
            try {
                if (allocator.cancelIfStranded(command.get().reservation(), command.get().correlationId())) {
                    LOG.info("{} was decided on an older center that a change replaced meanwhile: cancelled, CENTER_CLOSED",
                            command.get().reservation());
                }
            } catch (RuntimeException e) {
                LOG.error("{} may be stranded by the center's change and could not be cancelled: {}",
                        command.get().reservation(), e.toString());
            }
        }
    }

    /** A message and its command, empty when it could not be decoded. */
    private record Job(SQSEvent.SQSMessage message, Optional<ReservationCommand> command) {
    }

    /** A command's reservation as read before it is decided, or the failure of that read. */
    private record Read(Optional<Reservation> reservation, RuntimeException failure) {
    }

    /**
     * Reads every command's reservation in one read, then runs each command once those before it that
     * share a key with it are done. When the read failed, every command shares everything (they run in
     * the batch's order) and reads its own reservation again when run.
     */
    private List<Boolean> atOnce(List<Job> jobs, Context context) {
        List<Read> reads = readAll(jobs);
        Map<String, CompletableFuture<Boolean>> lastByKey = new HashMap<>();
        List<CompletableFuture<Boolean>> runs = new ArrayList<>();
        CompletableFuture<?> lastOfEverything = CompletableFuture.completedFuture(null);
        for (int i = 0; i < jobs.size(); i++) {
            Job job = jobs.get(i);
            Read read = reads.get(i);
            Set<String> keys = read.failure() == null ? allocator.touches(read.reservation()) : Set.of(Touches.EVERYTHING);
            List<CompletableFuture<?>> before = new ArrayList<>();
            if (keys.contains(Touches.EVERYTHING)) {
                before.addAll(runs);
            } else {
                before.add(lastOfEverything);
                keys.stream().map(lastByKey::get).filter(java.util.Objects::nonNull).forEach(before::add);
            }
            CompletableFuture<Boolean> run = CompletableFuture.allOf(before.toArray(CompletableFuture[]::new))
                    .thenApplyAsync(done -> run(job, read.failure() == null ? read : null, context), workers);
            runs.add(run);
            keys.forEach(key -> lastByKey.put(key, run));
            if (keys.contains(Touches.EVERYTHING)) {
                lastOfEverything = run;
            }
        }
        return runs.stream().map(CompletableFuture::join).toList();
    }

    /** Every decoded command's reservation, in one read; if it fails, each command reads its own when run. */
    private List<Read> readAll(List<Job> jobs) {
        List<ReservationCommand> commands = jobs.stream().flatMap(job -> job.command().stream()).toList();
        try {
            Map<ReservationId, Optional<Reservation>> read = commands.isEmpty() ? Map.of() : allocator.readAll(commands);
            return jobs.stream().map(job -> new Read(job.command().flatMap(c -> read.get(c.reservation())), null))
                    .toList();
        } catch (RuntimeException e) {
            LOG.warn("the batch's reservations could not be read at once, each is read alone: {}", e.toString());
            return jobs.stream().map(job -> new Read(Optional.empty(), e)).toList();
        }
    }

    private Optional<ReservationCommand> decode(SQSEvent.SQSMessage message, Context context) {
        try {
            return Optional.of(decoder.apply(message));
        } catch (IllegalArgumentException e) {
            try (var ids = CloseableThreadContext.put("messageId", message.getMessageId())
                    .put("requestId", context.getAwsRequestId())) {
                LOG.error("undecodable message (receive {}), left for the dead-letter queue: {}",
                        message.getAttributes().get("ApproximateReceiveCount"), e.getMessage());
                recordFailure(message, Optional.empty(), "undecodable: " + e.getMessage());
            }
            return Optional.empty();
        }
    }

    /**
     * Handles one decoded command from its reservation as read a moment ago, or as read now when
     * {@code read} is null (no read before, or one that failed); true when the message may be deleted.
     */
    private boolean run(Job job, Read read, Context context) {
        if (job.command().isEmpty()) {
            return false;
        }
        SQSEvent.SQSMessage message = job.message();
        ReservationCommand command = job.command().get();
        try (var ids = CloseableThreadContext.put("messageId", message.getMessageId())
                .put("requestId", context.getAwsRequestId())
                .put("correlationId", command.correlationId())
                .put("reservationId", command.reservation().value())) {
            AllocationOutcome outcome = allocator.handle(command, read == null ? allocator.read(command) : read.reservation());
            if (outcome.deliverAgain()) {
                // no error: nothing recorded for the dead-letter list; the command comes back after the
                // visibility timeout, by when the other consumer has decided it (or its lease has ended)
                LOG.info("{} {} → {}: another consumer is deciding it, left for the queue to deliver again",
                        command.type(), command.reservation(), outcome.kind());
                return false;
            }
            // an ignored command is acknowledged: coming again would change nothing either
            LOG.log(outcome.ignored() ? Level.WARN : Level.INFO, "{} {} → {} {}", command.type(),
                    command.reservation(), outcome.kind(), outcome.status().map(Enum::name).orElse(""));
            return true;
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed, will be retried: {}", command.type(), command.reservation(), e.toString());
            recordFailure(message, Optional.of(command.reservation()), command.type() + " failed: " + e);
            return false;
        }
    }

    /** Best effort: the message's own retry and dead-lettering must not depend on this write. */
    private void recordFailure(SQSEvent.SQSMessage message, Optional<ReservationId> reservation, String reason) {
        int receives = Optional.ofNullable(message.getAttributes()).map(a -> a.get("ApproximateReceiveCount"))
                .map(Integer::parseInt).orElse(0);
        try {
            failures.record(new MessageFailure(message.getMessageId(), reservation, abbreviate(reason), receives,
                    clock.instant()));
        } catch (RuntimeException e) {
            LOG.warn("could not record why message {} failed: {}", message.getMessageId(), e.toString());
        }
    }

    private static String abbreviate(String reason) {
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON) + "…";
    }
}
