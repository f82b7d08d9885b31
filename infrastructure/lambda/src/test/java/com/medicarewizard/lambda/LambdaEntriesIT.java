package com.medicarewizard.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.medicarewizard.adapter.dynamodb.local.DynaliteExtension;
import com.medicarewizard.adapter.local.MetricDataAnswers;
import com.medicarewizard.adapter.local.StubEndpoint;
import com.medicarewizard.adapter.local.StubEndpoint.Answer;
import com.medicarewizard.runtime.lambda.FunctionConfig;
import com.medicarewizard.runtime.lambda.LocalLambdaContext;
import com.medicarewizard.runtime.sqs.EmbeddedSqsServer;
import com.medicarewizard.runtime.sqs.LocalSqsClients;
import com.medicarewizard.runtime.sqs.QueueCredentials;
import com.medicarewizard.runtime.sqs.QueueSetup;
import com.medicarewizard.runtime.sqs.QueueSpec;
import com.medicarewizard.runtime.sqs.QueueUrls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Each function's entry as Lambda builds it (environment only), on local servers: the table on
 * dynalite, the queue on ElasticMQ; SNS, SES and EventBridge on a closed port (nothing here speaks
 * them), which the notifier must survive by parking. Driven by AWS sample events of each source,
 * loaded with Lambda's own serializers; {@link Table} reads and seeds the items.
 */
@ExtendWith(DynaliteExtension.class)
class LambdaEntriesIT {

    @TempDir
    static Path data;
    private static EmbeddedSqsServer sqsServer;
    private static SqsClient sqs;
    /**
     * Bound, never listening: connections to its port are refused, and while the test holds it no
     * other process can bind the port and answer in its place (a found-then-closed port could).
     */
    private static Socket nowhere;
    private final Context context = LocalLambdaContext.startingNow(
            new FunctionConfig("medicarewizard-test", "1", Duration.ofSeconds(30), 1024, "test"), Clock.systemUTC());
    private static final String SECRET_ARN = "arn:aws:secretsmanager:eu-south-1:123456789012:secret:mcw-test-ops-AbCdEf";
    private QueueUrls queues;
    private Table table;
    private Map<String, String> env;

    @BeforeAll
    static void startQueue() throws IOException {
        // the entries sign with AwsClients' fixed credentials for local endpoints
        sqsServer = EmbeddedSqsServer.start(0, new QueueCredentials("local", "local"));
        sqs = LocalSqsClients.forServer(sqsServer);
        nowhere = new Socket();
        nowhere.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @AfterAll
    static void stopQueue() throws IOException {
        nowhere.close();
        sqs.close();
        sqsServer.close();
    }

    @BeforeEach
    void freshTableAndQueue() {
        String name = "q" + System.nanoTime();
        queues = new QueueSetup(sqs).create(new QueueSpec(name, Duration.ofSeconds(30), 5, name + "-dlq"));
        String tableName = DynaliteExtension.freshTableName();
        table = new Table(DynaliteExtension.client(), tableName);
        String refused = "http://127.0.0.1:" + nowhere.getLocalPort();
        env = new HashMap<>(Map.of("AWS_REGION", "eu-south-1", "MCW_TABLE_NAME", tableName,
                "MCW_QUEUE_URL", queues.queueUrl(), "MCW_DEAD_LETTER_QUEUE_URL", queues.deadLetterQueueUrl(),
                "MCW_DYNAMODB_ENDPOINT", DynaliteExtension.endpoint().toString(),
                "MCW_SQS_ENDPOINT", sqsServer.endpoint().toString(),
                "MCW_EVENT_BUS_NAME", "medicarewizard-test", "MCW_MAIL_FROM", "no-reply@medicarewizard.example",
                "MCW_PUBLIC_URL", "https://booking.medicarewizard.example"));
        env.putAll(Map.of("MCW_SNS_ENDPOINT", refused, "MCW_SES_ENDPOINT", refused, "MCW_EVENTS_ENDPOINT", refused));
    }

    @Test
    void intakeAnswersAnApiGatewayProxyEventFromTheCenterDocument() {
        APIGatewayProxyRequestEvent event = EventLoader.loadApiGatewayRestEvent("events/apigw/get-exam-types.json");
        APIGatewayProxyResponseEvent response = new com.medicarewizard.lambda.intake.IntakeFunction(env)
                .handleRequest(event, context);
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).contains("\"code\":\"MRI-KNEE\"");
    }

    @Test
    void intakeReadsTheSessionAndThePatientFromTheTable() {
        table.seedPatientWithSession("mcwSampleToken7f3a9c2e5b1d4f60aB3cD4eF5gH6i");
        APIGatewayProxyRequestEvent event = EventLoader.loadApiGatewayRestEvent("events/apigw/get-me.json");
        APIGatewayProxyResponseEvent response = new com.medicarewizard.lambda.intake.IntakeFunction(env)
                .handleRequest(event, context);
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).contains(Table.PATIENT_EMAIL).doesNotContain(Table.PATIENT_TAX_CODE);
    }

    @Test
    void pipelineMetricsWriteTheFiguresAsAnEmfLine() {
        table.seedPending(Table.QUEUED_RESERVATION, Clock.systemUTC().instant().minus(Duration.ofMinutes(10)));
        assertThat(metricsLine()).contains("\"_aws\"").contains("\"OldestRequestAge\"").contains("\"QueueDepth\"");
    }

    @Test
    void intakeAdmitsOperatorsWithTheTokenReadFromSecretsManagerAtFirstUse() {
        String token = "ops-token-from-secrets-manager-0123456789";
        try (var secrets = new StubEndpoint(request -> new Answer(200, "application/x-amz-json-1.1", Map.of(),
                ("{\"ARN\":\"" + SECRET_ARN + "\",\"Name\":\"ops\",\"VersionId\":\"v1\",\"SecretString\":\""
                        + token + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8)))) {
            env.put("MCW_SECRETSMANAGER_ENDPOINT", secrets.endpoint().toString());
            env.put("MCW_OPS_TOKEN_SECRET_ARN", SECRET_ARN);
            var intake = new com.medicarewizard.lambda.intake.IntakeFunction(env);
            assertThat(secrets.requests()).as("nothing read at initialisation (SnapStart)").isEmpty();

            APIGatewayProxyRequestEvent event = EventLoader.loadApiGatewayRestEvent("events/apigw/get-ops-pipeline.json");
            APIGatewayProxyResponseEvent admitted = intake.handleRequest(withBearer(event, token), context);
            APIGatewayProxyResponseEvent refused = intake.handleRequest(withBearer(event, token + "x"), context);

            assertThat(admitted.getStatusCode()).isEqualTo(200);
            assertThat(admitted.getBody()).contains("\"queueDepth\"").contains("\"streamLagKnown\":false");
            assertThat(refused.getStatusCode()).isEqualTo(403);
            assertThat(secrets.requests()).as("kept, not read per request").hasSize(1);
            assertThat(secrets.requests().getFirst().header("X-Amz-Target")).isEqualTo("secretsmanager.GetSecretValue");
        }
    }

    @Test
    void pipelineMetricsReadTheNotifiersIteratorAgeFromCloudWatch() {
        try (var cloudWatch = new StubEndpoint(request -> MetricDataAnswers.iteratorAges(
                Clock.systemUTC().instant(), java.util.List.of(90_000.0)))) {
            env.put("MCW_CLOUDWATCH_ENDPOINT", cloudWatch.endpoint().toString());
            env.put("MCW_NOTIFIER_FUNCTION_NAME", "medicarewizard-test-notifier");

            String line = metricsLine();

            assertThat(line).contains("\"StreamLag\":90.0");
            assertThat(cloudWatch.requests()).singleElement()
                    .satisfies(r -> assertThat(r.path()).endsWith("/operation/GetMetricData"));
        }
    }

    @Test
    void pipelineMetricsLeaveAnUnknownStreamLagOut() {
        assertThat(metricsLine()).contains("\"QueueDepth\"").doesNotContain("StreamLag");
    }

    private String metricsLine() {
        ScheduledEvent event = EventLoader.loadScheduledEvent("events/scheduled/every-minute.json");
        java.io.ByteArrayOutputStream lines = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stdout = System.out;
        System.setOut(new java.io.PrintStream(lines, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            new com.medicarewizard.lambda.intake.PipelineMetricsFunction(env).handleRequest(event, context);
        } finally {
            System.setOut(stdout);
        }
        return lines.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static APIGatewayProxyRequestEvent withBearer(APIGatewayProxyRequestEvent event, String token) {
        var headers = new HashMap<>(event.getHeaders());
        headers.put("Authorization", "Bearer " + token);
        event.setHeaders(headers);
        event.setMultiValueHeaders(null);
        return event;
    }

    @Test
    void allocatorDecidesTheQueuedRequestAndReportsOnlyThePoisonMessage() {
        table.seedPending(Table.QUEUED_RESERVATION, Clock.systemUTC().instant());
        SQSEvent event = EventLoader.loadSQSEvent("events/sqs/decide-and-poison-batch.json");
        SQSBatchResponse response = new com.medicarewizard.lambda.allocator.AllocatorFunction(env)
                .handleRequest(event, context);
        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("2e1424d4-f796-459a-8184-9c92662be6da");
        assertThat(table.status(Table.QUEUED_RESERVATION)).isIn("CONFIRMED", "REJECTED");
        assertThat(table.failureReason("2e1424d4-f796-459a-8184-9c92662be6da")).startsWith("undecodable");
    }

    @Test
    void sweeperQueuesAgainARequestLeftPending() {
        table.seedPending(Table.QUEUED_RESERVATION, Clock.systemUTC().instant().minus(Duration.ofMinutes(10)));
        ScheduledEvent event = EventLoader.loadScheduledEvent("events/scheduled/every-minute.json");
        int swept = new com.medicarewizard.lambda.allocator.SweeperFunction(env).handleRequest(event, context);
        assertThat(swept).isEqualTo(1);
        assertThat(sqs.receiveMessage(b -> b.queueUrl(queues.queueUrl()).waitTimeSeconds(1)).messages())
                .singleElement().satisfies(m -> assertThat(m.body()).contains(Table.QUEUED_RESERVATION));
    }

    @Test
    void notifierParksWhatItCannotSendSchedulesTheRemindersAndReportsNoFailure() {
        table.seedPatient(Table.STREAM_PATIENT);
        DynamodbEvent event = EventLoader.loadDynamoDbEvent("events/ddb/confirmation-batch.json");
        try (var scheduler = new com.medicarewizard.adapter.local.SchedulerStandIn()) {
            env.putAll(Map.of("MCW_SCHEDULER_ENDPOINT", scheduler.endpoint().toString(),
                    "MCW_REMINDER_SCHEDULE_GROUP", "medicarewizard-test-reminders",
                    "MCW_REMINDER_FUNCTION_ARN", "arn:aws:lambda:eu-south-1:123456789012:function:reminder:live",
                    "MCW_REMINDER_SCHEDULER_ROLE_ARN", "arn:aws:iam::123456789012:role/reminder-scheduler"));
            StreamsEventResponse response = new com.medicarewizard.lambda.notifier.NotifierFunction(env)
                    .handleRequest(event, context);
            assertThat(response.getBatchItemFailures()).isEmpty();
            assertThat(table.markerStates(Table.STREAMED_RESERVATION)).isNotEmpty().containsOnly("PARKED");
            assertThat(scheduler.schedules("medicarewizard-test-reminders")).containsOnlyKeys(
                    Table.STREAMED_RESERVATION + "-48h", Table.STREAMED_RESERVATION + "-2h");
        }
    }

    @Test
    void theReminderEntryRefusesToStartWithoutItsScheduleAndSendsNothingForAnUnknownReservation() {
        assertThatThrownBy(() -> new com.medicarewizard.lambda.notifier.NotifierFunction(env))
                .hasMessageContaining("MCW_REMINDER_SCHEDULE_GROUP");
        String result = new com.medicarewizard.lambda.notifier.ReminderFunction(env).handleRequest(Map.of(
                "reservationId", java.util.UUID.randomUUID().toString(), "kind", "48h",
                "start", "2020-01-03T09:00:00Z"), context);
        assertThat(result).isEqualTo("STALE");
    }

    @Test
    void parkedRetrierTriesTheDueNotificationAgain() {
        table.seedPatient(Table.STREAM_PATIENT);
        table.seedConfirmedWithDueSms(Table.STREAMED_RESERVATION, Table.STREAM_PATIENT);
        ScheduledEvent event = EventLoader.loadScheduledEvent("events/scheduled/every-minute.json");
        int tried = new com.medicarewizard.lambda.notifier.ParkedRetryFunction(env).handleRequest(event, context);
        assertThat(tried).isEqualTo(1);
        assertThat(table.attempts(Table.STREAMED_RESERVATION)).isEqualTo(2);
    }
}
