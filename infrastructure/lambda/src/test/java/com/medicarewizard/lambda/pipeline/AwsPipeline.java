package com.medicarewizard.lambda.pipeline;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.medicarewizard.adapter.dynamodb.local.DynaliteExtension;
import com.medicarewizard.adapter.embedded.EmbeddedTables;
import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.edge.ApiRoutes;
import com.medicarewizard.edge.local.LocalApiGateway;
import com.medicarewizard.functions.FunctionSpec;
import com.medicarewizard.functions.FunctionSpecs;
import com.medicarewizard.lambda.allocator.AllocatorFunction;
import com.medicarewizard.lambda.allocator.SweeperFunction;
import com.medicarewizard.lambda.capture.CloudWatchCapture;
import com.medicarewizard.lambda.capture.EventBridgeCapture;
import com.medicarewizard.lambda.capture.SecretsManagerCapture;
import com.medicarewizard.lambda.capture.SesCapture;
import com.medicarewizard.lambda.capture.SnsCapture;
import com.medicarewizard.lambda.intake.IntakeFunction;
import com.medicarewizard.lambda.intake.PipelineMetricsFunction;
import com.medicarewizard.lambda.notifier.AvailabilityProjectorFunction;
import com.medicarewizard.lambda.notifier.NotifierFunction;
import com.medicarewizard.lambda.notifier.ParkedRetryFunction;
import com.medicarewizard.lambda.notifier.ReminderFunction;
import com.medicarewizard.adapter.local.SchedulerStandIn;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.medicarewizard.runtime.dynamodb.DynamoDbEndpoint;
import com.medicarewizard.runtime.lambda.FunctionConfig;
import com.medicarewizard.runtime.lambda.LocalFunction;
import com.medicarewizard.runtime.lambda.LocalLambdaContext;
import com.medicarewizard.runtime.sqs.EmbeddedSqsServer;
import com.medicarewizard.runtime.sqs.LocalSqsClients;
import com.medicarewizard.runtime.sqs.MappingConfig;
import com.medicarewizard.runtime.sqs.QueueCredentials;
import com.medicarewizard.runtime.sqs.QueueSetup;
import com.medicarewizard.runtime.sqs.QueueSpec;
import com.medicarewizard.runtime.sqs.QueueUrls;
import com.medicarewizard.runtime.sqs.SqsEventSourceMapping;
import com.medicarewizard.runtime.stream.SqsFailureDestination;
import com.medicarewizard.runtime.stream.StreamEventSourceMapping;
import com.medicarewizard.runtime.stream.StreamMappingConfig;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The AWS half of the pipeline on one machine: the eight Lambda entries, each built only from the
 * environment the CDK stack gives it ({@link DeployedEnvironment}), reaching every service through
 * its SDK client and the service's wire protocol — SQS on ElasticMQ, DynamoDB and its stream on the
 * embedded table's {@link DynamoDbEndpoint} (the notifier's mapping reads the DynamoDB Streams API), SNS, SES, EventBridge, CloudWatch and Secrets Manager on
 * capture endpoints, EventBridge Scheduler on its stand-in — and triggered as AWS triggers them: API Gateway's proxy events from HTTP
 * (the intake scales out: each request runs at once, with its own Context), the queue's and the
 * stream's event source mappings with the settings of {@link FunctionSpecs} (the CDK's), and the
 * schedules as plain invocations the test makes. Every function runs with its AWS timeout.
 */
final class AwsPipeline implements AutoCloseable {

    static final String TABLE = "medicarewizard";
    static final String BUS = "medicarewizard-events";
    static final String MAIL_FROM = "no-reply@medicarewizard.example";
    static final String OPS_TOKEN_SECRET = "arn:aws:secretsmanager:eu-south-1:000000000000:secret:medicarewizard-ops-AbCdEf";
    /** Long polls shorter than Lambda's 20 s, so that a closed mapping leaves none pending for long. */
    private static final Duration POLL_WAIT = Duration.ofSeconds(2);

    final String opsToken = "ops-" + UUID.randomUUID();
    final StdoutLines stdout;
    final Invocations invocations = new Invocations();
    final SnsCapture sns;
    final SesCapture ses;
    final EventBridgeCapture events;
    final CloudWatchCapture cloudWatch;
    final SecretsManagerCapture secrets;
    final SqsClient sqs;
    final QueueUrls queues;
    final DynamoDbEndpoint dynamoDb;
    final DynamoDbClient dynamoDbClient;
    /** The notifier mapping's on-failure destination, an SQS queue as in AWS. */
    final String streamFailuresUrl;
    final PipelineApi api;
    /** Each function's environment, as the stack sets it. */
    final DeployedEnvironment env;
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private final LocalFunction<ScheduledEvent, Integer> sweeper;
    private final LocalFunction<ScheduledEvent, Integer> parkedRetry;
    private final LocalFunction<ScheduledEvent, Void> pipelineMetrics;
    /** EventBridge Scheduler, where the notifier keeps the reminders' schedules. */
    final SchedulerStandIn scheduler;
    private final LocalFunction<Map<String, String>, String> reminder;

    AwsPipeline(Path data) throws IOException {
        // before any entry is built: they bind System.out for their EMF lines then
        stdout = opened(new StdoutLines());
        EmbeddedSqsServer sqsServer = opened(EmbeddedSqsServer.start(0,
                new QueueCredentials("local", "local")));
        sqs = opened(LocalSqsClients.forServer(sqsServer));
        queues = new QueueSetup(sqs).create(new QueueSpec("reservation-requests",
                FunctionSpecs.ALLOCATOR.queue().visibilityTimeout().aws(), FunctionSpecs.ALLOCATOR.queue().maxReceiveCount(),
                "reservation-requests-dlq"));
        EmbeddedTable table = opened(EmbeddedTables.open(data.resolve("table")));
        dynamoDb = opened(DynamoDbEndpoint.start(table, TABLE));
        dynamoDbClient = opened(DynaliteExtension.clientFor(dynamoDb.endpoint()));
        sns = opened(new SnsCapture());
        ses = opened(new SesCapture());
        events = opened(new EventBridgeCapture());
        cloudWatch = opened(new CloudWatchCapture());
        secrets = opened(new SecretsManagerCapture());
        secrets.put(OPS_TOKEN_SECRET, opsToken);
        scheduler = opened(new SchedulerStandIn());
        env = new DeployedEnvironment(EmbeddedSqsServer.REGION, TABLE, queues.queueUrl(),
                queues.deadLetterQueueUrl(), BUS, MAIL_FROM, OPS_TOKEN_SECRET, Map.of(
                "DYNAMODB", dynamoDb.endpoint(), "SQS", sqsServer.endpoint(), "SNS", sns.endpoint(),
                "SES", ses.endpoint(), "EVENTS", events.endpoint(), "CLOUDWATCH", cloudWatch.endpoint(),
                "SECRETSMANAGER", secrets.endpoint(), "SCHEDULER", scheduler.endpoint()));

        startAllocator(env, sqsServer);
        // as deployed: the notifier's mapping reads the Streams API from TRIM_HORIZON, gives up to an SQS queue
        streamFailuresUrl = sqs.createQueue(b -> b.queueName("stream-failures")).queueUrl();
        DynamoDbStreamsClient streams = opened(DynamoDbStreamsClient.builder().endpointOverride(dynamoDb.endpoint())
                .region(Region.of(EmbeddedSqsServer.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build());
        var notifier = function(FunctionSpecs.NOTIFIER.function(), new NotifierFunction(env.notifier()));
        opened(StreamEventSourceMapping.overStreamsApi(streams, dynamoDb.streamArn(), notifier,
                StreamMappingConfig.of(FunctionSpecs.NOTIFIER.stream()), new SqsFailureDestination(sqs, streamFailuresUrl),
                Clock.systemUTC()).start());
        // the availability projector: a second mapping on the same stream, its own position, the same destination
        var projector = function(FunctionSpecs.AVAILABILITY_PROJECTOR.function(),
                new AvailabilityProjectorFunction(env.availabilityProjector()));
        opened(StreamEventSourceMapping.overStreamsApi(streams, dynamoDb.streamArn(), projector,
                StreamMappingConfig.of(FunctionSpecs.AVAILABILITY_PROJECTOR.stream()),
                new SqsFailureDestination(sqs, streamFailuresUrl), Clock.systemUTC()).start());
        sweeper = function(FunctionSpecs.SWEEPER.function(), new SweeperFunction(env.sweeper()));
        parkedRetry = function(FunctionSpecs.PARKED_RETRY.function(), new ParkedRetryFunction(env.messaging()));
        reminder = function(FunctionSpecs.REMINDER.function(), new ReminderFunction(env.messaging()));
        pipelineMetrics = function(FunctionSpecs.PIPELINE_METRICS.function(), new PipelineMetricsFunction(env.pipelineMetrics()));

        FunctionConfig intake = config(FunctionSpecs.INTAKE.function());
        RequestHandler<com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent,
                com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent> intakeHandler =
                invocations.recorded(intake.name(), new IntakeFunction(env.intake()));
        LocalApiGateway gateway = opened(new LocalApiGateway(ApiRoutes.v1(),
                event -> intakeHandler.handleRequest(event, LocalLambdaContext.startingNow(intake, Clock.systemUTC())),
                null).start(0));
        api = new PipelineApi(gateway.uri());
    }

    /**
     * The allocator's queue mapping: as many pollers, each invoking its own container one batch at a
     * time, as the deployed mapping's {@code MaximumConcurrency} lets work at once.
     */
    private void startAllocator(DeployedEnvironment env, EmbeddedSqsServer sqsServer) {
        FunctionSpec spec = FunctionSpecs.ALLOCATOR.function();
        SqsClient pollers = opened(LocalSqsClients.forServer(sqsServer));
        opened(new SqsEventSourceMapping(pollers, queues.queueUrl(),
                () -> function(spec, new AllocatorFunction(env.allocator())),
                MappingConfig.of(FunctionSpecs.ALLOCATOR.queue()).withPollWait(POLL_WAIT)
                        .withMaximumConcurrency(FunctionSpecs.ALLOCATOR.queue().maximumConcurrency().aws())).start());
    }

    /** How many batches the stream mapping gave up on (Lambda's invocation records in the queue). */
    int streamFailures() {
        return Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(streamFailuresUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    /** Runs the sweeper as its schedule would; answers how many requests it queued again. */
    int sweep() {
        return sweeper.invoke(scheduled());
    }

    /** Runs the retrier of parked notifications as its schedule would; answers how many it tried. */
    int retryParked() {
        return parkedRetry.invoke(scheduled());
    }

    /** The reminders' schedules the notifier keeps, by name. */
    Map<String, JsonNode> reminderSchedules() {
        return scheduler.schedules(DeployedEnvironment.REMINDER_GROUP);
    }

    /** Invokes the reminder function as a schedule does, with its input (JSON, as Lambda deserializes it). */
    String remind(String input) {
        try {
            return reminder.invoke(new ObjectMapper().readValue(input, new TypeReference<Map<String, String>>() { }));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Runs the pipeline metrics as their schedule would. */
    void publishMetrics() {
        pipelineMetrics.invoke(scheduled());
    }

    /** Every fault off, every capture forgotten: the state a test case starts from. */
    void heal() {
        dynamoDb.faults().clear();
        for (var capture : List.of(sns, ses, events, cloudWatch, secrets)) {
            capture.heal();
        }
    }

    private static ScheduledEvent scheduled() {
        return EventLoader.loadScheduledEvent("events/scheduled/every-minute.json");
    }

    private <I, O> LocalFunction<I, O> function(FunctionSpec spec, RequestHandler<I, O> entry) {
        return opened(new LocalFunction<>(config(spec), invocations.recorded(spec.name(), entry)));
    }

    /** The function as Lambda runs it in AWS: its AWS timeout and memory. */
    private static FunctionConfig config(FunctionSpec spec) {
        return FunctionConfig.of(spec.name(), spec.timeout().aws(), spec.memoryMb());
    }

    private <T extends AutoCloseable> T opened(T resource) {
        opened.push(resource);
        return resource;
    }

    /** Stops the triggers first, then the functions, then the stand-ins (in the reverse order they opened). */
    @Override
    public void close() {
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception e) {
                System.err.println("closing the pipeline: " + e);
            }
        }
    }
}
