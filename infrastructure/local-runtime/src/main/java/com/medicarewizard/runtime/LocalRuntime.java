package com.medicarewizard.runtime;

import com.medicarewizard.adapter.table.TableStaffAccounts;
import com.medicarewizard.domain.patient.EmailAddress;
import com.medicarewizard.intake.staff.BootstrapAdmin;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.medicarewizard.adapter.embedded.InProcessEventBus;
import com.medicarewizard.adapter.embedded.outbox.OutboxFirstLedger;
import com.medicarewizard.adapter.embedded.outbox.OutboxNotifications;
import com.medicarewizard.functions.FunctionSpecs;
import com.medicarewizard.intake.StreamPosition;
import com.medicarewizard.notifier.NotifierHandler;
import com.medicarewizard.notifier.OutcomeNotifier;
import com.medicarewizard.notifier.ReminderHandler;
import com.medicarewizard.notifier.ReminderNotifier;
import com.medicarewizard.port.NotificationLedger;
import com.medicarewizard.port.RecipientQuota;
import com.medicarewizard.intake.auth.UpgradingPasswordHasher;
import com.medicarewizard.runtime.audit.LedgerAudit;
import com.medicarewizard.runtime.lambda.PlatformThreadHasher;
import com.medicarewizard.runtime.stream.OnFailureDestination;
import com.medicarewizard.runtime.stream.StreamEventSourceMapping;
import com.medicarewizard.runtime.stream.StreamMappingConfig;
import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.adapter.embedded.table.TableOptions;
import com.medicarewizard.domain.center.Center;
import com.medicarewizard.edge.ApiRoutes;
import com.medicarewizard.edge.local.GatewayLimits;
import com.medicarewizard.edge.local.LocalApiGateway;
import com.medicarewizard.intake.http.JsonBody;
import com.medicarewizard.port.Reservations;
import com.medicarewizard.port.SlotLedger;
import com.medicarewizard.port.Tokens;
import com.medicarewizard.runtime.lambda.ExecutorStop;
import com.medicarewizard.runtime.lambda.FunctionConfig;
import com.medicarewizard.runtime.lambda.LocalFunction;
import com.medicarewizard.runtime.lambda.LocalLambdaContext;
import com.medicarewizard.runtime.sqs.EmbeddedSqsServer;
import com.medicarewizard.runtime.sqs.MappingConfig;
import com.medicarewizard.runtime.sqs.QueueWatch;
import com.medicarewizard.runtime.sqs.QueueUrls;
import com.medicarewizard.runtime.sqs.SqsEventSourceMapping;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The whole pipeline in one process: the same handler classes as on Lambda, wired to the embedded
 * stand-ins and driven as AWS drives them — HTTP through a local API Gateway to
 * the intake function, the reservation queue through an SQS event source mapping to the
 * allocator (one batch at a time), the table's change stream through a DynamoDB stream mapping to
 * the notifier, timers to the sweeper and the notification retrier as EventBridge schedules would, and
 * the table's reminder schedule to the reminder function as EventBridge Scheduler would.
 */
public final class LocalRuntime implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(LocalRuntime.class);
    /**
     * Log-ins hashing at once: one per core, on CPU nothing else wants (SCHED_IDLE, ADR 0011); where
     * that policy is not to be had, all cores but one, so hashing never starves the rest.
     */
    private static final int HASHING_THREADS = PlatformThreadHasher.threadsForSpareCpu();
    /**
     * API Gateway's limits, but no API body larger than the intake reads: a larger one is refused
     * from its Content-Length before it is read, rather than buffered to be refused by the intake.
     */
    static final GatewayLimits EDGE_LIMITS = GatewayLimits.API_GATEWAY.withMaxRequestBytes(JsonBody.LIMIT);
    /** How long a stop lets a timer's run under way finish. */
    private static final Duration STOP_GRACE = Duration.ofMillis(500);
    /** How often the queue is checked for having been deleted. */
    private static final Duration QUEUE_WATCH = Duration.ofSeconds(5);
    /** The longest a log-in may expect to wait for a hashing thread; beyond, 503 with Retry-After at once. */
    private static final Duration HASH_BACKLOG = Duration.ofSeconds(2);
    /**
     * The longest a log-in admitted waits for a hashing thread before it is answered 503 after all:
     * hashing on spare CPU may get less than the estimate assumed (a crowd arriving on a fresh
     * runtime, whose compilers take the CPU), and a patient then hears so within 2.5 s (issue 15:
     * an answer within 3 s), not after the whole queue.
     */
    private static final Duration HASH_GIVE_UP = Duration.ofMillis(2_500);
    /** What a hash is taken to cost until the hashing threads have timed some (Argon2id at 7 MiB × 5 passes: ~10–20 ms). */
    private static final Duration EXPECTED_HASH = Duration.ofMillis(50);
    private final StandIns standIns;
    private final List<AutoCloseable> running = new ArrayList<>();
    private LocalApiGateway gateway;
    /** The website's address, which the links of staff invitations point to. */
    private URI site;
    private StreamEventSourceMapping notifierMapping;
    private SqsEventSourceMapping allocatorMapping;

    private LocalRuntime(StandIns standIns) {
        this.standIns = standIns;
    }

    public static LocalRuntime start(RuntimeConfig config) throws IOException {
        return start(config, TableOptions.defaults());
    }

    /**
     * Starts the pipeline with the table kept as {@code tableOptions} say (tests observe the journal's
     * forces): the stand-ins, the functions, and, on a thread of its own so that the edge answers
     * meanwhile, the requests the table holds as waiting put back on the empty queue ({@link QueueRefill}).
     */
    public static LocalRuntime start(RuntimeConfig config, TableOptions tableOptions) throws IOException {
        LocalRuntime runtime = new LocalRuntime(StandIns.open(config, ownStream(tableOptions), Clock.systemUTC()));
        try {
            QueueRefill refill = new QueueRefill(runtime.standIns.table(), runtime.standIns.queue());
            runtime.startFunctions(config);
            runtime.refillInTheBackground(refill);
            runtime.watchQueue(config, refill);
            return runtime;
        } catch (IOException | RuntimeException e) {
            runtime.close();
            throw e;
        }
    }

    /**
     * The runtime's table keeps a stream record only until its one consumer, the notifier, has passed
     * it (from the first record on, checkpoint or not): nothing else reads this stream (the Streams
     * API is served by {@code DynamoDbEndpoint}'s tables, which keep DynamoDB's 24 h). Kept 24 h, the
     * records of a busy hour (about 1,300 a second at a 3 s step, each with its old image) filled the
     * heap and were copied by every young collection (LOCAL-RUNTIME.md asks them kept until processed).
     */
    static TableOptions ownStream(TableOptions options) {
        return options.withStreamRetention(Duration.ZERO)
                .withStreamConsumers(Set.of(FunctionSpecs.NOTIFIER.function().name()));
    }

    private void startFunctions(RuntimeConfig config) throws IOException {
        Functions functions = new Functions(standIns, config, Clock.systemUTC());
        // as many pollers as the spec's local maximum concurrency (1), each running one batch at a time
        // in a container of its own
        allocatorMapping = new SqsEventSourceMapping(standIns.sqs(), standIns.queueUrls().queueUrl(), () -> {
            var allocator = new LocalFunction<SQSEvent, SQSBatchResponse>(
                    FunctionConfig.of(FunctionSpecs.ALLOCATOR.function()), forcedOnReturn(functions.allocator()));
            running.add(allocator);
            return allocator;
        }, MappingConfig.of(FunctionSpecs.ALLOCATOR.queue()));
        running.add(allocatorMapping.start());
        scheduleSweeper(functions, config);
        StreamEventSourceMapping stream = startNotifier(functions, config);
        FunctionConfig intake = FunctionConfig.of(FunctionSpecs.INTAKE.function());
        var hasher = new PlatformThreadHasher(UpgradingPasswordHasher.standard(), HASHING_THREADS, HASH_BACKLOG,
                EXPECTED_HASH, PlatformThreadHasher.Priority.IDLE, HASH_GIVE_UP);
        running.add(hasher);
        // the intake is made once the edge's port is known (port 0 picks one), for the links it e-mails;
        // until then, for the moment between the two, the edge answers 503
        var handler = new AtomicReference<RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent>>(
                (event, context) -> new APIGatewayProxyResponseEvent().withStatusCode(503)
                        .withHeaders(Map.of("Retry-After", "1")));
        // the intake Lambda scales out: each request runs at once, with its own Context, on the gateway's thread
        gateway = new LocalApiGateway(ApiRoutes.v1(),
                event -> handler.get().handleRequest(event, LocalLambdaContext.startingNow(intake, Clock.systemUTC())),
                "web", EDGE_LIMITS).start(config.port());
        running.add(gateway);
        site = config.publicUrl().orElse(URI.create("http://localhost:" + gateway.port()));
        handler.set(functions.intake(StreamPosition.known(stream::lagSeconds), hasher, site));
    }

    /**
     * The handler's table writes share one force per invocation: nothing the allocator writes is
     * acted upon before it returns (the mapping deletes the messages then; its decisions reach the
     * stream once forced), and a decision claims a cell per write, each otherwise forced alone.
     */
    private <I, O> RequestHandler<I, O> forcedOnReturn(RequestHandler<I, O> handler) {
        EmbeddedTable table = standIns.table();
        return (event, context) -> table.deferringForces(() -> handler.handleRequest(event, context));
    }

    /**
     * The handler's messages (outbox lines) forced once at its end, then its sent markers written
     * ({@link OutboxFirstLedger}: never before their lines are on the disk), and all its table writes
     * (markers, parked notifications, message counts) sharing one force — rather than a force each:
     * nothing it records counts before it returns (the stream mapping moves its checkpoint then). A
     * killed process keeps every line and every write, each handed to the OS at once (docs/adr/0009).
     */
    private <I, O> RequestHandler<I, O> messagesForcedOnReturn(RequestHandler<I, O> handler) {
        EmbeddedTable table = standIns.table();
        OutboxFirstLedger ledger = standIns.notificationLedger();
        return (event, context) -> table.deferringForces(
                () -> ledger.batch(() -> handler.handleRequest(event, context)));
    }

    /**
     * The notifier on the table's change stream, as Lambda's DynamoDB stream mapping drives it, and
     * its retrier of parked notifications on a timer (an EventBridge schedule in AWS).
     */
    private StreamEventSourceMapping startNotifier(Functions functions, RuntimeConfig config) {
        OutcomeNotifier notifier = functions.outcomeNotifier(() -> site);
        var function = new LocalFunction<DynamodbEvent, StreamsEventResponse>(
                FunctionConfig.of(FunctionSpecs.NOTIFIER.function()), messagesForcedOnReturn(new NotifierHandler(notifier)));
        running.add(function);
        StreamEventSourceMapping mapping = new StreamEventSourceMapping(standIns.table().stream(), function,
                StreamMappingConfig.of(FunctionSpecs.NOTIFIER.stream()), standIns.streamFailures(), Clock.systemUTC())
                .start();
        running.add(mapping);
        notifierMapping = mapping;
        ReminderNotifier reminders = functions.reminderNotifier();
        var retrier = new LocalFunction<ScheduledEvent, Integer>(
                FunctionConfig.of(FunctionSpecs.PARKED_RETRY.function()),
                messagesForcedOnReturn(functions.parkedRetrier(notifier, reminders)));
        running.add(retrier);
        schedule(retrier, config.retryParkedEvery());
        startReminders(functions, reminders);
        return mapping;
    }

    /**
     * The reminder function, fired by the schedule the notifier keeps in the table, as EventBridge
     * Scheduler fires it in AWS ({@link ReminderTimer}); its first pass, at once, fires what came due
     * while the runtime was down.
     */
    private void startReminders(Functions functions, ReminderNotifier reminders) {
        var function = new LocalFunction<Map<String, String>, String>(FunctionConfig.of(FunctionSpecs.REMINDER.function()),
                messagesForcedOnReturn(new ReminderHandler(reminders)));
        running.add(function);
        ReminderTimer timer = new ReminderTimer(functions.reminderSchedule(), function, Clock.systemUTC());
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("reminder-schedule").daemon().factory());
        long every = FunctionSpecs.REMINDER.localPollEvery().toMillis();
        thread.scheduleWithFixedDelay(timer, 0, every, TimeUnit.MILLISECONDS);
        running.add(() -> ExecutorStop.within(thread, STOP_GRACE));
    }

    /** Invokes the function every {@code period}, as an EventBridge schedule would; a failed run waits for the next. */
    private ScheduledExecutorService schedule(LocalFunction<ScheduledEvent, ?> function, Duration period) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name(function.config().name() + "-schedule").daemon().factory());
        timer.scheduleWithFixedDelay(() -> {
            try {
                function.invoke(new ScheduledEvent());
            } catch (RuntimeException e) {
                LOG.warn("{} failed; the next run tries again: {}", function.config().name(), e.toString());
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        running.add(() -> ExecutorStop.within(timer, STOP_GRACE));
        return timer;
    }

    private void scheduleSweeper(Functions functions, RuntimeConfig config) {
        var sweeper = new LocalFunction<ScheduledEvent, Integer>(
                FunctionConfig.of(FunctionSpecs.SWEEPER.function()), functions.sweeper());
        running.add(sweeper);
        schedule(sweeper, config.sweepEvery());
        scheduleHousekeeping();
    }

    private void refillInTheBackground(QueueRefill refill) {
        Thread thread = Thread.ofPlatform().name("queue-refill").daemon().start(refill::run);
        running.add(() -> {
            thread.interrupt();
            thread.join(STOP_GRACE.toMillis());
        });
    }

    private void watchQueue(RuntimeConfig config, QueueRefill refill) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("queue-watch").daemon().factory());
        QueueWatch watch = new QueueWatch(standIns.functionsSqs(), StandIns.queueSpec(config), refill::run);
        timer.scheduleWithFixedDelay(watch, QUEUE_WATCH.toMillis(), QUEUE_WATCH.toMillis(),
                TimeUnit.MILLISECONDS);
        running.add(timer::shutdownNow);
    }


    /**
     * Expired items every minute (DynamoDB's TTL takes up to days; a minute keeps the table small),
     * past claims hourly, compaction hourly (it writes the items and the records the notifier has
     * still to read into a snapshot and empties the journal) — on their own thread, so that none of
     * them delays the sweeper.
     */
    private void scheduleHousekeeping() {
        var housekeeping = new TableHousekeeping(standIns.table(), standIns.catalog(), Clock.systemUTC());
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("table-housekeeping").daemon().factory());
        timer.scheduleWithFixedDelay(() -> housekeeping.run(housekeeping::deleteExpired), 1, 1, TimeUnit.MINUTES);
        timer.scheduleWithFixedDelay(() -> housekeeping.run(housekeeping::dropPastClaims), 2, 60, TimeUnit.MINUTES);
        timer.scheduleWithFixedDelay(housekeeping::compact, 1, 1, TimeUnit.HOURS);
        running.add(timer::shutdownNow);
    }

    /**
     * The first administrator's invitation ({@link BootstrapAdmin}): the link that sets their password, for
     * whoever started the runtime, or why none was made.
     */
    public BootstrapAdmin.Outcome bootstrapAdmin(EmailAddress email, String name) {
        return new BootstrapAdmin(new TableStaffAccounts(standIns.table()), Clock.systemUTC()).run(email, name, site);
    }

    public int port() {
        return gateway.port();
    }

    public Center center() {
        return standIns.catalog().current();
    }

    public Reservations reservations() {
        return standIns.reservations();
    }

    public SlotLedger ledger() {
        return standIns.ledger();
    }

    /** The audit of the rules that must always hold over the ledger and the reservations. */
    public LedgerAudit audit() {
        return new LedgerAudit(center(), ledger(), reservations());
    }

    public EmbeddedTable table() {
        return standIns.table();
    }

    public Tokens tokens() {
        return standIns.tokens();
    }

    public SqsClient sqs() {
        return standIns.sqs();
    }

    public QueueUrls queueUrls() {
        return standIns.queueUrls();
    }

    public com.medicarewizard.port.Patients patients() {
        return standIns.patients();
    }

    /** Every message the local outbox recorded. */
    public OutboxNotifications outbox() {
        return standIns.outbox();
    }

    public InProcessEventBus events() {
        return standIns.events();
    }

    public NotificationLedger notificationLedger() {
        return standIns.notificationLedger();
    }

    public RecipientQuota recipientQuota() {
        return standIns.recipientQuota();
    }

    /** The allocator's queue mapping (its pollers and counters). */
    public SqsEventSourceMapping allocatorMapping() {
        return allocatorMapping;
    }

    /** The notifier's stream mapping (its checkpoint and lag). */
    public StreamEventSourceMapping notifierMapping() {
        return notifierMapping;
    }

    public OnFailureDestination streamFailures() {
        return standIns.streamFailures();
    }

    /**
     * Stops taking requests first (the edge refuses new connections and lets those under way
     * finish), then the consumers (each finishes or hands back the batch in hand) and the timers,
     * then the stand-ins: nothing writes to the queue or the table once they close.
     */
    @Override
    public void close() {
        long started = System.nanoTime();
        LOG.info("Stopping: the edge first, then the consumers, then the queue and the table");
        for (int i = running.size() - 1; i >= 0; i--) {
            closeQuietly(running.get(i));
        }
        running.clear();
        standIns.close();
        LOG.info("Stopped in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.warn("while stopping: {}", e.toString());
        }
    }
}
