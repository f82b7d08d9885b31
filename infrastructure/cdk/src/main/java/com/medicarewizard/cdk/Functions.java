package com.medicarewizard.cdk;

import com.medicarewizard.functions.AbuseLimits;
import com.medicarewizard.functions.AllocatorSpec;
import com.medicarewizard.functions.AvailabilityProjectorSpec;
import com.medicarewizard.functions.FunctionSpec;
import com.medicarewizard.functions.FunctionSpecs;
import com.medicarewizard.functions.IntakeSpec;
import com.medicarewizard.functions.StreamSource;
import com.medicarewizard.functions.SweeperSpec;
import com.medicarewizard.table.layout.ItemLayout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.events.targets.LambdaFunctionProps;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.GrantOnPrincipalOptions;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.FilterCriteria;
import software.amazon.awscdk.services.lambda.FilterRule;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.StartingPosition;
import software.amazon.awscdk.services.lambda.eventsources.DynamoEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsDlq;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * The eight functions of {@link FunctionSpecs}, with its AWS values, each from its artifact
 * ({@code infrastructure/lambda}), Java 21 with SnapStart on published versions behind a {@code live}
 * alias that every trigger invokes. Least privilege: each gets the services and resources its adapters
 * use, the sweeper, the intake's dead-letter routes, the mail senders and the waitlist's senders to the
 * reservation queue (the notifier, the reminder function) exactly the actions they call;
 * the others still get the CDK's read-write grant on the table (it includes Scan and BatchWriteItem,
 * which nothing calls).
 * Every function has a dead-letter queue for failed asynchronous invocations; the allocator's
 * messages go to the queue's own dead-letter queue, the notifier's records to an on-failure destination.
 */
final class Functions extends Construct {

    /** Letters and digits only (no quoting trouble in a header or a shell), 240 bits of entropy and more. */
    static final int OPERATOR_TOKEN_LENGTH = 48;
    /** The intake answers with the limit of bookings ahead, the allocator holds to it: both are told it. */
    private static final Map.Entry<String, String> ACTIVE_BOOKINGS = Map.entry(AbuseLimits.ACTIVE_BOOKINGS,
            Integer.toString(FunctionSpecs.LIMITS.activeBookingsPerPatient()));
    private final Alias intake;
    private final Alias allocator;
    private final Alias notifier;
    private final Alias availabilityProjector;
    private final ReminderSchedules reminders;
    private final List<Function> all;
    private final Secret operatorToken;

    Functions(Construct scope, String id, DeploymentSettings settings, DataTable data, ReservationQueues queues,
              Messaging messaging) {
        super(scope, id);
        Map<String, String> common = Map.of("MCW_TABLE_NAME", data.table().getTableName(),
                "MCW_QUEUE_URL", queues.requests().getQueueUrl(),
                "MCW_DEAD_LETTER_QUEUE_URL", queues.deadLetters().getQueueUrl(),
                "JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
        FunctionFactory functions = new FunctionFactory(this, settings, common, queues.failedInvocations(),
                new ArrayList<>());
        Map<String, String> notifierEnv = Map.of("MCW_EVENT_BUS_NAME", messaging.bus().getEventBusName(),
                "MCW_MAIL_FROM", settings.mailFrom(),
                AbuseLimits.MESSAGES_PER_HOUR, Integer.toString(FunctionSpecs.LIMITS.messagesPerRecipientPerHour()),
                // the link to book again, in the message of a booking the center cancelled
                IntakeSpec.PUBLIC_URL, settings.publicUrl());
        operatorToken = Secret.Builder.create(this, "OperatorToken")
                .description("Bearer token of the MediCareWizard operator routes (/api/v1/ops/*)")
                .generateSecretString(SecretStringGenerator.builder()
                        .passwordLength(OPERATOR_TOKEN_LENGTH).excludePunctuation(true).includeSpace(false).build())
                .build();
        Function intakeFunction = intake(functions, settings, data, queues, messaging, operatorToken);
        intake = functions.live(intakeFunction);
        allocator = allocator(functions, data, queues);
        sweeper(functions, data, queues);
        Alias reminder = reminder(functions, data, queues, messaging, notifierEnv);
        reminders = new ReminderSchedules(this, "Reminders", reminder);
        Map<String, String> schedulingEnv = new HashMap<>(notifierEnv);
        schedulingEnv.putAll(reminders.environment());
        notifier = notifier(functions, data, queues, messaging, schedulingEnv);
        reminders.grantScheduling(notifier.getVersion().getLambda());
        parkedRetry(functions, data, messaging, notifierEnv);
        Function metrics = pipelineMetrics(functions, data, queues);
        availabilityProjector = availabilityProjector(functions, data, queues);
        List.of(intakeFunction, metrics).forEach(function -> readsStreamLag(function, notifier));
        all = List.copyOf(functions.created());
    }

    /**
     * The operator routes answer in AWS too: their token is a generated secret (no one types it, no
     * template or environment holds it) that the intake reads at first use, the only grant on it.
     */
    private static Function intake(FunctionFactory functions, DeploymentSettings settings, DataTable data,
                                   ReservationQueues queues, Messaging messaging, Secret operatorToken) {
        Function function = functions.create(FunctionSpecs.INTAKE.function(),
                Map.of("MCW_TOKEN_TTL_SECONDS", seconds(FunctionSpecs.INTAKE.tokenLifetime()), ACTIVE_BOOKINGS.getKey(),
                        ACTIVE_BOOKINGS.getValue(),
                        IntakeSpec.OPS_TOKEN_SECRET_ARN, operatorToken.getSecretArn(),
                        IntakeSpec.CLIENT_ADDRESS_HEADER, IntakeSpec.CLIENT_ADDRESS_HEADER_IN_AWS,
                        "MCW_MAIL_FROM", settings.mailFrom(), IntakeSpec.PUBLIC_URL, settings.publicUrl()));
        // the password reset codes and the staff's invitations go by e-mail, straight from the intake (never
        // through the table in clear)
        messaging.grantMail(function);
        Grant.addToPrincipal(GrantOnPrincipalOptions.builder().grantee(function)
                .actions(List.of("secretsmanager:GetSecretValue"))
                .resourceArns(List.of(operatorToken.getSecretArn())).build());
        data.table().grantReadWriteData(function);
        queues.requests().grantSendMessages(function);
        queues.requests().grant(function, "sqs:GetQueueAttributes");
        // operators list the dead letters (receive, hiding each while the listing runs and making it visible
        // again after, with the queue's figures and ARN) and redrive them with
        // SQS's own message move task back to the reservation queue, which runs with the caller's
        // permissions: receive and delete there, send here (SqsDeadLetters)
        queues.deadLetters().grant(function, "sqs:ReceiveMessage", "sqs:ChangeMessageVisibility",
                "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:StartMessageMoveTask", "sqs:ListMessageMoveTasks");
        return function;
    }

    /**
     * The stream lag of the operators' figures is the notifier's {@code IteratorAge}, which only
     * CloudWatch knows: the function is told whose, and may read metrics ({@code GetMetricData} has no
     * resource to scope to).
     */
    private static void readsStreamLag(Function function, Alias notifier) {
        function.addEnvironment(IntakeSpec.NOTIFIER_FUNCTION_NAME, notifier.getVersion().getLambda().getFunctionName());
        function.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("cloudwatch:GetMetricData"))
                .resources(List.of("*"))
                .build());
    }

    /** The decider of slot claims (docs/adr/0001, 0008): at most as many batches at once as the mapping allows. */
    private static Alias allocator(FunctionFactory functions, DataTable data, ReservationQueues queues) {
        AllocatorSpec spec = FunctionSpecs.ALLOCATOR;
        Function function = functions.create(spec.function(), Map.ofEntries(ACTIVE_BOOKINGS));
        data.table().grantReadWriteData(function);
        Alias live = functions.live(function);
        live.addEventSource(SqsEventSource.Builder.create(queues.requests())
                .batchSize(spec.queue().batchSize())
                .maxBatchingWindow(Durations.of(spec.queue().batchingWindow()))
                .reportBatchItemFailures(spec.queue().reportBatchItemFailures())
                .maxConcurrency(spec.queue().maximumConcurrency().aws())
                .build());
        return live;
    }

    private static void sweeper(FunctionFactory functions, DataTable data, ReservationQueues queues) {
        SweeperSpec spec = FunctionSpecs.SWEEPER;
        Function function = functions.create(spec.function(),
                Map.of("MCW_SWEEP_AFTER_SECONDS", seconds(spec.patience().aws())));
        // queries the pending index and records each re-send, reading the request again when that
        // condition fails without the old item (TableReservations.waitingSince, recordResent)
        data.table().grant(function, "dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:GetItem");
        queues.requests().grantSendMessages(function);
        // it sends nothing into a backlog (PendingRequestSweeper): it reads the queues' figures (the
        // reservation queue's come with grantSendMessages)
        queues.deadLetters().grant(function, "sqs:GetQueueAttributes");
        functions.every("SweepEveryMinute", spec.every().aws(), functions.live(function));
    }

    private static Alias notifier(FunctionFactory functions, DataTable data, ReservationQueues queues,
                                  Messaging messaging, Map<String, String> env) {
        StreamSource stream = FunctionSpecs.NOTIFIER.stream();
        Function function = functions.create(FunctionSpecs.NOTIFIER.function(), env);
        data.table().grantReadWriteData(function);
        messaging.grantSend(function);
        queuesOffersAndLapses(function, queues);
        Alias live = functions.live(function);
        // it acts on reservations' changes alone: the claims and availability's day items (about 36 records
        // a booking) need not invoke it
        live.addEventSource(streamMapping(data, stream, queues)
                .filters(List.of(keysBeginningWith(ItemLayout.RESERVATION + "#"))).build());
        return live;
    }

    /** A stream filter passing the records of items whose partition key begins with {@code prefix}. */
    private static Map<String, Object> keysBeginningWith(String prefix) {
        return FilterCriteria.filter(Map.of("dynamodb", Map.of("Keys", Map.of(ItemLayout.PK,
                Map.of("S", FilterRule.beginsWith(prefix))))));
    }

    /**
     * The reminder function (docs/adr/0018), invoked by the schedules the notifier keeps: it reads the
     * reservation and the patient again and sends through the notifier's senders, ledger and message limits;
     * an offer's lapse it records on the offer and queues as its CANCEL.
     */
    private static Alias reminder(FunctionFactory functions, DataTable data, ReservationQueues queues,
                                  Messaging messaging, Map<String, String> env) {
        Function function = functions.create(FunctionSpecs.REMINDER.function(), env);
        data.table().grantReadWriteData(function);
        messaging.grantSend(function);
        queuesOffersAndLapses(function, queues);
        return functions.live(function);
    }

    /**
     * The waitlist's commands to the allocator: the notifier queues each offer it makes (DECIDE), the
     * reminder function each lapse (CANCEL). They send and nothing more: not even the queue's figures,
     * which {@code grantSendMessages} would add.
     */
    private static void queuesOffersAndLapses(Function function, ReservationQueues queues) {
        queues.requests().grant(function, "sqs:SendMessage");
    }

    private static void parkedRetry(FunctionFactory functions, DataTable data, Messaging messaging,
                                    Map<String, String> env) {
        Function function = functions.create(FunctionSpecs.PARKED_RETRY.function(), env);
        data.table().grantReadWriteData(function);
        messaging.grantSend(function);
        functions.every("RetryParkedEveryMinute", FunctionSpecs.PARKED_RETRY.every().aws(), functions.live(function));
    }

    /**
     * Availability's read model (docs/adr/0014): only claim records reach it (the mapping's filter, so the
     * function is not invoked for the rest of the table's changes), and it only updates the summary's day
     * items, reading one back when a freeing finds no day to free (DynamoDbItemTable asks ALL_OLD).
     */
    private static Alias availabilityProjector(FunctionFactory functions, DataTable data, ReservationQueues queues) {
        AvailabilityProjectorSpec spec = FunctionSpecs.AVAILABILITY_PROJECTOR;
        StreamSource stream = spec.stream();
        Function function = functions.create(spec.function(), Map.of());
        data.table().grant(function, "dynamodb:UpdateItem", "dynamodb:GetItem");
        Alias live = functions.live(function);
        live.addEventSource(streamMapping(data, stream, queues)
                .parallelizationFactor(spec.parallelization())
                .filters(List.of(keysBeginningWith(ItemLayout.CLAIM + "#")))
                .build());
        return live;
    }

    /**
     * A mapping on the table's stream from its oldest record, with the source's settings, giving up to the
     * stream failures' queue (docs/operations.md, "Stream failures in AWS").
     */
    private static DynamoEventSource.Builder streamMapping(DataTable data, StreamSource stream, ReservationQueues queues) {
        return DynamoEventSource.Builder.create(data.table())
                .startingPosition(StartingPosition.TRIM_HORIZON)
                .batchSize(stream.batchSize())
                .maxBatchingWindow(Durations.of(stream.batchingWindow()))
                .bisectBatchOnError(stream.bisectOnError())
                .retryAttempts(stream.retryAttempts())
                .maxRecordAge(Durations.of(stream.maxRecordAge()))
                .reportBatchItemFailures(stream.reportBatchItemFailures())
                .onFailure(new SqsDlq(queues.streamFailures()));
    }

    /** The figures reach CloudWatch (EMF) on a schedule, whether or not an operator reads them. */
    private static Function pipelineMetrics(FunctionFactory functions, DataTable data, ReservationQueues queues) {
        Function function = functions.create(FunctionSpecs.PIPELINE_METRICS.function(), Map.of());
        data.table().grantReadData(function);
        queues.requests().grant(function, "sqs:GetQueueAttributes");
        queues.deadLetters().grant(function, "sqs:GetQueueAttributes");
        functions.every("PipelineMetricsEveryMinute", FunctionSpecs.PIPELINE_METRICS.every(), functions.live(function));
        return function;
    }

    private static String seconds(java.time.Duration duration) {
        return Long.toString(duration.toSeconds());
    }

    Alias intake() {
        return intake;
    }

    /** The secret holding the operators' token (its ARN is no secret: reading the value takes a grant). */
    Secret operatorToken() {
        return operatorToken;
    }

    Alias allocator() {
        return allocator;
    }

    Alias notifier() {
        return notifier;
    }

    /** The reminders' schedule group and the role Scheduler invokes the reminder function with. */
    ReminderSchedules reminders() {
        return reminders;
    }

    /** The availability projector, whose IteratorAge says how far availability's read model lags. */
    Alias availabilityProjector() {
        return availabilityProjector;
    }

    List<Function> all() {
        return all;
    }

    /** Builds the functions the same way, and remembers them. */
    private record FunctionFactory(Construct scope, DeploymentSettings settings, Map<String, String> common,
                                   IQueue failedInvocations, List<Function> created) {

        Function create(FunctionSpec spec, Map<String, String> env) {
            Map<String, String> environment = new HashMap<>(common);
            environment.putAll(env);
            String id = constructId(spec.name());
            LogGroup logs = LogGroup.Builder.create(scope, id + "Logs").retention(RetentionDays.ONE_MONTH).build();
            Function function = Function.Builder.create(scope, id)
                    .runtime(Runtime.JAVA_21)
                    .architecture(Architecture.X86_64)
                    .code(Code.fromAsset(settings.jar(spec.artifact()).toString()))
                    .handler(spec.handler() + "::handleRequest")
                    .memorySize(spec.memoryMb())
                    .timeout(Durations.of(spec.timeout().aws()))
                    .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                    .environment(environment)
                    .deadLetterQueue(failedInvocations)
                    .logGroup(logs)
                    .reservedConcurrentExecutions(spec.reservedConcurrency().isPresent()
                            ? spec.reservedConcurrency().getAsInt() : null)
                    .build();
            created.add(function);
            return function;
        }

        /** {@code parked-retry} → {@code ParkedRetry}: the ids the stack has always had, so no function is replaced. */
        private static String constructId(String name) {
            StringBuilder id = new StringBuilder();
            for (String word : name.split("-")) {
                id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
            return id.toString();
        }

        Alias live(Function function) {
            return Alias.Builder.create(scope, function.getNode().getId() + "Live")
                    .aliasName("live").version(function.getCurrentVersion()).build();
        }

        /** The rule ids are the stack's existing ones (they named the period when it was fixed at a minute). */
        void every(String id, java.time.Duration period, Alias target) {
            Rule.Builder.create(scope, id).schedule(Schedule.rate(Durations.of(period)))
                    .targets(List.of(new LambdaFunction(target, LambdaFunctionProps.builder()
                            .deadLetterQueue(failedInvocations).retryAttempts(2).maxEventAge(Duration.minutes(5)).build())))
                    .build();
        }
    }
}
