package com.medicarewizard.functions;

import java.time.Duration;
import java.util.List;

/**
 * The one definition of every function: the CDK stack deploys the {@code aws} values, the Lambda
 * entries default to them, the embedded runtime runs with the {@code local} ones. Where the two
 * differ, the comment beside them says why; {@code docs/operations.md} ("Function settings") quotes
 * them and a test holds the document to them.
 */
public final class FunctionSpecs {

    /** Every function gets the same memory: at 1 GB a Java function gets most of a vCPU, and cold starts stay short. */
    private static final int MEMORY_MB = 1024;
    /**
     * What a scheduled function may take; no longer than the schedule's period, so two runs never overlap.
     */
    private static final PerRuntime<Duration> SCHEDULED_TIMEOUT = PerRuntime.both(Duration.ofSeconds(60));
    /**
     * EventBridge schedules run at most once a minute; locally a timer has no such floor, and an
     * operator's "retry now" or a lost request is taken up within seconds rather than a minute.
     */
    private static final Duration EVENTBRIDGE_FLOOR = Duration.ofMinutes(1);

    /**
     * The API: each request is milliseconds of work, but a read of a reservation may wait up to 20 s for
     * its decision ({@code Prefer: wait}, docs/adr/0010) and then needs a few seconds to read and answer
     * (ReadReservations' longest wait and margin; the CDK template test holds the deployed timeout to
     * them). 25 s holds both and still ends before API Gateway's 29 s, so a stuck request never becomes
     * a gateway 504.
     */
    public static final IntakeSpec INTAKE = new IntakeSpec(
            new FunctionSpec("intake", "intake", "com.medicarewizard.lambda.intake.IntakeFunction", MEMORY_MB,
                    PerRuntime.both(Duration.ofSeconds(25))),
            Duration.ofHours(1));

    /**
     * The decider of slot claims (docs/adr/0001, 0008). No reserved concurrency: it cannot be deployed on
     * an account whose concurrency quota is 10 (Lambda keeps that much unreserved), and it would not
     * stop the mapping's pollers from receiving batches the function is then throttled on. The mapping
     * itself is capped instead (the queue source's maximum concurrency), and the conditional writes keep
     * two batches at once correct.
     */
    public static final AllocatorSpec ALLOCATOR = new AllocatorSpec(
            new FunctionSpec("allocator", "allocator", "com.medicarewizard.lambda.allocator.AllocatorFunction",
                    MEMORY_MB,
                    // In AWS one SDK call may take up to 12 s (AwsClients: attempts and their timeouts) and a
                    // batch makes many; locally the table is in-process and a queue call gives up after 2 s,
                    // so a batch takes milliseconds. The shorter local timeout keeps the local visibility
                    // timeout (six times it) at half a minute: a batch lost in a crash is decided again
                    // 30 s after a restart instead of 3 minutes.
                    new PerRuntime<>(Duration.ofSeconds(30), Duration.ofSeconds(5))),
            new QueueSource(10, Duration.ZERO, true,
                    // six times the allocator's timeout in each runtime (AWS's rule for SQS event sources)
                    new PerRuntime<>(Duration.ofMinutes(3), Duration.ofSeconds(30)),
                    5,
                    // AWS: 2, the least ScalingConfig.MaximumConcurrency Lambda takes (it has no 1), so at
                    // most two batches are decided at once and no batch is received only to be throttled.
                    // Locally: 1, the embedded mapping's one poller (SqsEventSourceMapping). A second one
                    // would buy nothing there: the table is in-process and a batch takes milliseconds, one
                    // poller decides hundreds of requests a second (docs/performance.md), and requests
                    // racing for the last time of a slot would be decided in arrival order less often.
                    new PerRuntime<>(2, 1)),
            // AWS: the whole batch, since each DynamoDB call is a round trip of milliseconds and one decision
            // after another left the consumer waiting (about 200 decisions/s with 10, docs/performance.md).
            // Locally: 1, the table is in the process: a decision waits on no round trip, and handing
            // commands to threads cost more than it saved (589 against 788 decisions/s at 87bee2c, docs/adr/0015).
            new PerRuntime<>(10, 1));

    /** The reconciler behind "a request answered 202 is never lost" (slot-allocator, PendingRequestSweeper). */
    public static final SweeperSpec SWEEPER = new SweeperSpec(
            new FunctionSpec("sweeper", "allocator", "com.medicarewizard.lambda.allocator.SweeperFunction", MEMORY_MB,
                    SCHEDULED_TIMEOUT),
            new PerRuntime<>(EVENTBRIDGE_FLOOR, Duration.ofSeconds(15)),
            // the queue's visibility timeout plus one period: a request hidden in the queue while it
            // is decided is not sent again (a message the queue keeps retrying may get a copy or two:
            // PendingRequestSweeper doubles the wait after each); the visibility timeout differs, so this does too
            new PerRuntime<>(Duration.ofMinutes(4), Duration.ofSeconds(45)),
            500);

    /**
     * The notifier on the table's stream. Most records are cells, markers and sessions the notifier
     * skips at once, so batches are large; bisect, bounded retries and a record age keep one poison
     * record from blocking the stream, and records given up on are still in the stream (24 h) for
     * 18 h after they reach the on-failure destination.
     */
    public static final NotifierSpec NOTIFIER = new NotifierSpec(
            new FunctionSpec("notifier", "notifier", "com.medicarewizard.lambda.notifier.NotifierFunction", MEMORY_MB,
                    // In AWS a batch that runs out of time hands the rest back, and each hand-back may count
                    // as one of its 5 retries (docs/adr/0003): 5 minutes let a batch of 100 get through even
                    // while SNS/SES answer slowly (up to their 3 s call timeout, three calls a record). Locally
                    // the outbox is a file and SMTP one connection, and a stop waits for the batch in hand.
                    new PerRuntime<>(Duration.ofMinutes(5), Duration.ofSeconds(60))),
            new StreamSource(100, Duration.ZERO, 5, Duration.ofHours(6), true, true));

    /**
     * Availability's read model (docs/adr/0014): marks each claimed or released cell in the resource's day
     * item, one UpdateItem a record. The mapping passes claim records only, in large batches; a shard's
     * batches run ten at once (the records of one key still in order), so that a spike's claims, thousands a
     * second, reach the summary within seconds. A record given up on goes to the stream failures'
     * destination, and a rebuild from the ledger mends what it missed (docs/operations.md). Not run locally:
     * there the availability route reads the ledger itself, and nothing would read the summary.
     */
    public static final AvailabilityProjectorSpec AVAILABILITY_PROJECTOR = new AvailabilityProjectorSpec(
            new FunctionSpec("availability-projector", "notifier",
                    "com.medicarewizard.lambda.notifier.AvailabilityProjectorFunction", MEMORY_MB,
                    PerRuntime.both(Duration.ofMinutes(1))),
            new StreamSource(100, Duration.ZERO, 5, Duration.ofHours(6), true, true),
            10);

    /** Tries parked notifications again when due (docs/adr/0003). */
    public static final ParkedRetrySpec PARKED_RETRY = new ParkedRetrySpec(
            new FunctionSpec("parked-retry", "notifier", "com.medicarewizard.lambda.notifier.ParkedRetryFunction",
                    MEMORY_MB, SCHEDULED_TIMEOUT),
            new PerRuntime<>(EVENTBRIDGE_FLOOR, Duration.ofSeconds(5)),
            100);

    /**
     * Sends a reservation's reminders when its one-time schedule fires (docs/adr/0018). A few SES and SNS
     * calls a firing, within the notifier's budget for one side effect each. In AWS, Scheduler retries a
     * failed invocation for up to an hour (a 2-hour reminder later than that is of little use, and the
     * use case drops it past half its lead anyway); locally the schedule is polled every 5 s.
     */
    public static final ReminderSpec REMINDER = new ReminderSpec(
            new FunctionSpec("reminder", "notifier", "com.medicarewizard.lambda.notifier.ReminderFunction",
                    MEMORY_MB, PerRuntime.both(Duration.ofSeconds(60))),
            10, Duration.ofHours(1), Duration.ofSeconds(5));

    /** Writes the operators' figures to CloudWatch whether or not anyone reads them (docs/operations.md). */
    public static final PipelineMetricsSpec PIPELINE_METRICS = new PipelineMetricsSpec(
            new FunctionSpec("pipeline-metrics", "intake", "com.medicarewizard.lambda.intake.PipelineMetricsFunction",
                    MEMORY_MB, SCHEDULED_TIMEOUT),
            EVENTBRIDGE_FLOOR);

    /**
     * Ten bookings ahead per patient (more than a course of treatment books at once), and ten messages
     * an hour per address and channel (a patient's busiest hour: ten bookings confirmed one after
     * another); the same in both runtimes, each overridable by its variable.
     */
    public static final AbuseLimits LIMITS = new AbuseLimits(10, 10);

    private FunctionSpecs() {
    }

    /** The eight functions, in the order they are deployed. */
    public static List<FunctionSpec> all() {
        return List.of(INTAKE.function(), ALLOCATOR.function(), SWEEPER.function(), NOTIFIER.function(),
                PARKED_RETRY.function(), PIPELINE_METRICS.function(), AVAILABILITY_PROJECTOR.function(),
                REMINDER.function());
    }
}
