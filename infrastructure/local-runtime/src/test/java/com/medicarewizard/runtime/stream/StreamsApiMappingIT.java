package com.medicarewizard.runtime.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.medicarewizard.adapter.embedded.EmbeddedTables;
import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.adapter.embedded.table.TableOptions;
import com.medicarewizard.functions.FunctionSpecs;
import com.medicarewizard.runtime.dynamodb.DynamoDbEndpoint;
import com.medicarewizard.runtime.lambda.FunctionConfig;
import com.medicarewizard.runtime.lambda.LocalFunction;
import com.medicarewizard.runtime.sqs.EmbeddedSqsServer;
import com.medicarewizard.runtime.sqs.LocalSqsClients;
import com.medicarewizard.table.Condition;
import com.medicarewizard.table.Item;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The notifier's stream mapping read through the DynamoDB Streams API of the wire endpoint, with
 * the settings the CDK deploys ({@code FunctionSpecs.NOTIFIER.stream()}): Lambda's event built from
 * the API's records, the checkpoint before a reported failure, and records given up on sent to an
 * SQS queue (ElasticMQ) in Lambda's invocation record format.
 */
class StreamsApiMappingIT {
    private static final String TABLE = "medicarewizard-ci";
    @TempDir
    Path data;
    private final List<AutoCloseable> open = new ArrayList<>();
    private EmbeddedTable table;
    private DynamoDbEndpoint endpoint;
    private DynamoDbStreamsClient streams;
    private EmbeddedSqsServer sqsServer;
    private SqsClient sqs;
    private String failures;

    @BeforeEach
    void serve() throws Exception {
        table = EmbeddedTables.open(data.resolve("table"), TableOptions.defaults().withSyncOnCommit(false));
        endpoint = DynamoDbEndpoint.start(table, TABLE);
        streams = DynamoDbStreamsClient.builder().endpointOverride(endpoint.endpoint()).region(Region.EU_SOUTH_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        sqsServer = EmbeddedSqsServer.start(0);
        sqs = LocalSqsClients.forServer(sqsServer);
        failures = sqs.createQueue(b -> b.queueName("stream-failures")).queueUrl();
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
        streams.close();
        endpoint.close();
        sqs.close();
        sqsServer.close();
        table.close();
    }

    private StreamEventSourceMapping start(RequestHandler<DynamodbEvent, StreamsEventResponse> handler) {
        var function = new LocalFunction<>(FunctionConfig.of("notifier", Duration.ofSeconds(10), 256), handler);
        open.add(function);
        var mapping = StreamEventSourceMapping.overStreamsApi(streams, endpoint.streamArn(), function,
                StreamMappingConfig.of(FunctionSpecs.NOTIFIER.stream()), new SqsFailureDestination(sqs, failures),
                Clock.systemUTC()).start();
        open.add(mapping);
        return mapping;
    }

    private void write(String pk, long n) {
        table.put(Item.builder(pk, "S").put("n", n).build(), Condition.always());
    }

    @Test
    void givesTheFunctionLambdasEventFromTheApisRecordsAndCheckpointsBeforeAReportedFailure() {
        var recorder = new StreamEventSourceMappingIT.Recorder();
        int[] failuresLeft = {1};
        recorder.reportFailureOn = pk -> pk.equals("B") && failuresLeft[0]-- > 0;
        List<DynamodbEvent> events = java.util.Collections.synchronizedList(new ArrayList<>());
        write("A", 1);
        write("B", 1);
        write("C", 1);
        start((event, context) -> {
            events.add(event);
            return recorder.handleRequest(event, context);
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> recorder.handled.size() == 3);
        write("A", 2);
        await().atMost(Duration.ofSeconds(60)).until(() -> recorder.handled.size() == 4);

        assertThat(recorder.handled).containsExactly("A@1", "B@1", "C@1", "A@2");
        assertThat(recorder.batches.subList(0, 2)).containsExactly(List.of("A@1", "B@1", "C@1"), List.of("B@1", "C@1"));
        var record = events.getFirst().getRecords().getFirst();
        assertThat(record.getEventSourceARN()).isEqualTo(endpoint.streamArn());
        assertThat(record.getEventName()).isEqualTo("INSERT");
        assertThat(record.getAwsRegion()).isEqualTo("eu-south-1");
        assertThat(record.getDynamodb().getNewImage().get("n").getN()).isEqualTo("1");
        assertThat(record.getDynamodb().getStreamViewType()).isEqualTo("NEW_AND_OLD_IMAGES");
    }

    @Test
    void aPoisonRecordIsBisectedRetriedAndSentToTheQueueInLambdasInvocationRecordFormat() throws Exception {
        var recorder = new StreamEventSourceMappingIT.Recorder();
        recorder.throwOn.add("POISON");
        write("A", 1);
        write("POISON", 1);
        write("C", 1);
        StreamEventSourceMapping mapping = start(recorder);
        await().atMost(Duration.ofSeconds(60)).until(() -> recorder.handled.contains("C@1"));

        var messages = sqs.receiveMessage(b -> b.queueUrl(failures).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages();
        assertThat(messages).hasSize(1);
        JsonNode entry = new ObjectMapper().readTree(messages.getFirst().body());
        String poison = StreamRecordJson.sequenceNumber(table.stream().read(1, 1).getFirst().sequenceNumber());
        assertThat(entry.at("/requestContext/condition").asText()).isEqualTo("RetryAttemptsExhausted");
        assertThat(entry.at("/requestContext/functionArn").asText()).endsWith(":function:notifier");
        assertThat(entry.at("/requestContext/approximateInvokeCount").asInt())
                .isEqualTo(FunctionSpecs.NOTIFIER.stream().retryAttempts() + 1);
        assertThat(entry.at("/responseContext/functionError").asText()).isEqualTo("Unhandled");
        assertThat(entry.at("/version").asText()).isEqualTo("1.0");
        assertThat(entry.at("/DDBStreamBatchInfo/startSequenceNumber").asText()).isEqualTo(poison);
        assertThat(entry.at("/DDBStreamBatchInfo/endSequenceNumber").asText()).isEqualTo(poison);
        assertThat(entry.at("/DDBStreamBatchInfo/batchSize").asInt()).isEqualTo(1);
        assertThat(entry.at("/DDBStreamBatchInfo/streamArn").asText()).isEqualTo(endpoint.streamArn());
        assertThat(entry.at("/DDBStreamBatchInfo/shardId").asText()).startsWith("shardId-");
        assertThat(entry.at("/DDBStreamBatchInfo/approximateArrivalOfFirstRecord").asText()).matches(".*T.*Z");
        assertThat(mapping.sentToDestination()).isEqualTo(1);
        assertThat(recorder.handled).as("at least once: A comes again with the failing batch").containsOnly("A@1", "C@1")
                .endsWith("C@1");
    }
}
