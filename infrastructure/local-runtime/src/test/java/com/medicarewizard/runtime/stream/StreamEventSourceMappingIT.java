package com.medicarewizard.runtime.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.medicarewizard.adapter.embedded.EmbeddedTables;
import com.medicarewizard.table.Condition;
import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.table.Item;
import com.medicarewizard.functions.FunctionSpecs;
import com.medicarewizard.runtime.lambda.FunctionConfig;
import com.medicarewizard.runtime.lambda.LocalFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The DynamoDB stream event source mapping of the embedded runtime, driven with a tiny recording
 * handler: order, checkpoint at the first reported failure, whole-batch retry on an error, bisect,
 * bounded retries to the on-failure destination, resume after a restart, and Lambda's event shape.
 */
class StreamEventSourceMappingIT {
    @TempDir
    Path data;
    private EmbeddedTable table;
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
        open.clear();
        if (table != null) {
            table.close();
        }
    }

    /** Records what it was given; fails (reports or throws) for the records the test says. */
    static final class Recorder implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
        final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
        final List<String> handled = Collections.synchronizedList(new ArrayList<>());
        final Set<String> throwOn = ConcurrentHashMap.newKeySet();
        volatile Predicate<String> reportFailureOn = pk -> false;

        @Override
        public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
            List<String> keys = event.getRecords().stream().map(r -> r.getDynamodb().getKeys().get("pk").getS()
                    + "@" + r.getDynamodb().getNewImage().get("n").getN()).toList();
            batches.add(keys);
            for (var record : event.getRecords()) {
                String pk = record.getDynamodb().getKeys().get("pk").getS();
                if (throwOn.contains(pk)) {
                    throw new IllegalStateException("poison " + pk);
                }
                if (reportFailureOn.test(pk)) {
                    return new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure(
                            record.getDynamodb().getSequenceNumber())));
                }
                handled.add(pk + "@" + record.getDynamodb().getNewImage().get("n").getN());
            }
            return new StreamsEventResponse(List.of());
        }
    }

    private StreamEventSourceMapping start(Recorder handler, StreamMappingConfig config) {
        if (table == null) {
            table = EmbeddedTables.open(data.resolve("table"));
        }
        var function = new LocalFunction<>(FunctionConfig.of("recorder", Duration.ofSeconds(5), 256), handler);
        var mapping = new StreamEventSourceMapping(table.stream(), function, config,
                new OnFailureDestination(data.resolve("failures.jsonl")), Clock.systemUTC()).start();
        open.add(function);
        open.add(mapping);
        return mapping;
    }

    private static StreamMappingConfig config(int batchSize) {
        return StreamMappingConfig.of(FunctionSpecs.NOTIFIER.stream()).withBatchSize(batchSize);
    }

    private void write(String pk, long n) {
        table.put(Item.builder(pk, "S").put("n", n).build(), Condition.always());
    }

    @Test
    void deliversEveryChangeInCommitOrderAsLambdaShapesIt() {
        Recorder recorder = new Recorder();
        start(recorder, config(3));
        for (int n = 1; n <= 4; n++) {
            write("A", n);
            write("B", n);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> recorder.handled.size() == 8);
        assertThat(recorder.handled).containsExactly("A@1", "B@1", "A@2", "B@2", "A@3", "B@3", "A@4", "B@4");
        assertThat(recorder.batches).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(3));
    }

    @Test
    void aReportedFailureCheckpointsJustBeforeItAndRedeliversItAndTheLaterOnes() {
        Recorder recorder = new Recorder();
        int[] failuresLeft = {2};
        recorder.reportFailureOn = pk -> pk.equals("B") && failuresLeft[0]-- > 0;
        table = EmbeddedTables.open(data.resolve("table"));
        write("A", 1);
        write("B", 1);
        write("C", 1);
        StreamEventSourceMapping mapping = start(recorder, config(10));
        await().atMost(Duration.ofSeconds(60)).until(() -> recorder.handled.size() == 3);
        assertThat(recorder.handled).containsExactly("A@1", "B@1", "C@1");
        assertThat(recorder.batches).containsExactly(List.of("A@1", "B@1", "C@1"), List.of("B@1", "C@1"),
                List.of("B@1", "C@1"));
        assertThat(mapping.checkpoint()).isEqualTo(table.stream().latestSequence());
    }

    @Test
    void aReportedFailureIsARetryOfTheRestEvenWhenTheBatchMadeProgress() {
        // as the notifier out of time: each invocation does the first record and hands back the rest
        Recorder recorder = new Recorder();
        recorder.reportFailureOn = pk -> recorder.batches.getLast().indexOf(pk + "@1") > 0;
        table = EmbeddedTables.open(data.resolve("table"));
        for (String pk : List.of("A", "B", "C", "D", "E", "F")) {
            write(pk, 1);
        }
        StreamEventSourceMapping mapping = start(recorder, config(10).withRetries(2, true));
        await().atMost(Duration.ofSeconds(60)).until(() -> mapping.sentToDestination() > 0);

        // AWS (services-ddb-batchfailurereporting): the checkpoint moves to the first reported record and
        // the rest is retried "based on your retry strategy": each hand-back is a retry of what is left
        assertThat(recorder.handled).containsExactly("A@1", "B@1", "C@1");
        assertThat(recorder.batches).containsExactly(List.of("A@1", "B@1", "C@1", "D@1", "E@1", "F@1"),
                List.of("B@1", "C@1", "D@1", "E@1", "F@1"), List.of("C@1", "D@1", "E@1", "F@1"));
        var destination = new OnFailureDestination(data.resolve("failures.jsonl")).entries();
        assertThat(destination).singleElement().satisfies(entry -> {
            assertThat(entry.at("/requestContext/condition").asText()).isEqualTo("RetryAttemptsExhausted");
            assertThat(entry.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(3);
            assertThat(entry.at("/DDBStreamBatchInfo/batchSize").asInt()).isEqualTo(3);
        });
        assertThat(mapping.checkpoint()).isEqualTo(table.stream().latestSequence());
    }

    @Test
    void aThrowingBatchIsBisectedAndThePoisonRecordGoesToTheOnFailureDestinationAfterTheRetries() {
        Recorder recorder = new Recorder();
        recorder.throwOn.add("POISON");
        table = EmbeddedTables.open(data.resolve("table"));
        write("A", 1);
        write("POISON", 1);
        write("C", 1);
        write("D", 1);
        StreamEventSourceMapping mapping = start(recorder, config(4).withRetries(2, true));
        await().atMost(Duration.ofSeconds(60)).until(() -> recorder.handled.contains("D@1"));
        // a throwing batch is redone whole, so A (handled before POISON threw) comes again until split off
        assertThat(recorder.handled.stream().distinct()).containsExactly("A@1", "C@1", "D@1");
        assertThat(recorder.batches.subList(0, 3)).containsExactly(List.of("A@1", "POISON@1", "C@1", "D@1"),
                List.of("A@1", "POISON@1"), List.of("A@1"));
        assertThat(recorder.batches.stream().filter(b -> b.equals(List.of("POISON@1")))).hasSize(3);
        var destination = new OnFailureDestination(data.resolve("failures.jsonl")).entries();
        assertThat(destination).singleElement().satisfies(entry -> {
            assertThat(entry.at("/requestContext/condition").asText()).isEqualTo("RetryAttemptsExhausted");
            assertThat(entry.at("/DDBStreamBatchInfo/batchSize").asInt()).isEqualTo(1);
            assertThat(entry.toString()).doesNotContain("POISON");
        });
        assertThat(mapping.sentToDestination()).isEqualTo(1);
    }

    @Test
    void withoutBisectAFailingBatchIsRetriedWholeUpToTheLimit() {
        Recorder recorder = new Recorder();
        recorder.throwOn.add("POISON");
        table = EmbeddedTables.open(data.resolve("table"));
        write("POISON", 1);
        write("B", 1);
        start(recorder, config(10).withRetries(1, false));
        await().atMost(Duration.ofSeconds(60)).until(() -> new OnFailureDestination(data.resolve("failures.jsonl"))
                .entries().size() == 1);
        assertThat(recorder.batches).containsExactly(List.of("POISON@1", "B@1"), List.of("POISON@1", "B@1"));
        assertThat(recorder.handled).isEmpty();
    }

    @Test
    void aRestartResumesAtTheCheckpointNeverSkippingNorStartingOver() throws Exception {
        Recorder first = new Recorder();
        StreamEventSourceMapping mapping = start(first, config(10));
        write("A", 1);
        write("A", 2);
        await().atMost(Duration.ofSeconds(60)).until(() -> first.handled.size() == 2);
        mapping.close();
        write("A", 3);
        table.close();
        table = EmbeddedTables.open(data.resolve("table"));
        Recorder second = new Recorder();
        start(second, config(10));
        await().atMost(Duration.ofSeconds(60)).until(() -> second.handled.size() == 1);
        assertThat(second.handled).containsExactly("A@3");
    }

    @Test
    void reportsTheAgeOfTheOldestRecordNotYetDone() {
        Recorder recorder = new Recorder();
        recorder.throwOn.add("STUCK");
        StreamEventSourceMapping mapping = start(recorder, config(1).withRetries(10_000, false));
        assertThat(mapping.lagSeconds()).isZero();
        write("STUCK", 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> mapping.lagSeconds() >= 1.0);
    }
}
