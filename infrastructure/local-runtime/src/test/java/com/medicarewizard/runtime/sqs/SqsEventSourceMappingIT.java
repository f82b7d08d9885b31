package com.medicarewizard.runtime.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.medicarewizard.runtime.sqs.RecordingHandler.Delivery;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** The rules of Lambda's SQS event source mapping, driven through a tiny recording handler. */
class SqsEventSourceMappingIT {

    private static final Duration VISIBILITY = Duration.ofSeconds(1);
    /** Roomy: the handlers here return at once, but a busy machine may run them late. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** For the tests that need no redelivery: a slow handling must not bring a message back. */
    private static final Duration UNHURRIED = Duration.ofSeconds(30);
    private static final MappingConfig SINGLE_RECEIVE = new MappingConfig(10, Duration.ZERO);
    private static final MappingConfig HALF_SECOND_WINDOW = new MappingConfig(10, Duration.ofMillis(500));

    private SqsRuntimeFixture runtime;
    private QueueUrls queue;
    private final RecordingHandler handler = new RecordingHandler();

    @BeforeEach
    void start() {
        runtime = new SqsRuntimeFixture();
        queue = runtime.queue("bookings", VISIBILITY, 3);
    }

    @AfterEach
    void stop() throws Exception {
        runtime.close();
    }

    @Test
    void batchesNeverExceedTheBatchSize() {
        QueueUrls unhurried = runtime.queue("unhurried", UNHURRIED, 3);
        for (int i = 0; i < 7; i++) {
            runtime.send(unhurried, "m" + i);
        }
        runtime.map(unhurried, handler, new MappingConfig(3, Duration.ofSeconds(1)), TIMEOUT);

        await().atMost(PATIENCE).until(() -> handler.deliveries.size() == 7);
        assertThat(handler.batchSizes).containsExactly(3, 3, 1);
    }

    @Test
    void theBatchingWindowGathersMessagesThatArriveLater() {
        // long enough for the test to see the first message taken and send the second on a busy machine
        Duration window = Duration.ofSeconds(5);
        // as in AWS, the visibility timeout must outlast the window, or messages come back inside it
        QueueUrls windowed = runtime.queue("windowed", UNHURRIED, 3);
        runtime.map(windowed, handler, new MappingConfig(10, window), TIMEOUT);
        long sentFirst = System.nanoTime();
        runtime.send(windowed, "first");
        await().atMost(PATIENCE).until(() -> runtime.figures(windowed).queue().inFlight() == 1);
        runtime.send(windowed, "second");

        await().atMost(PATIENCE).until(() -> handler.deliveries.size() == 2);
        assertThat(handler.batchSizes).containsExactly(2);
        assertThat(handler.deliveries.get(0).atNanos() - sentFirst).isGreaterThan(window.toNanos() - 100_000_000L);
    }

    @Test
    void handledMessagesAreDeleted() {
        QueueUrls unhurried = runtime.queue("unhurried", UNHURRIED, 3);
        runtime.send(unhurried, "a");
        runtime.send(unhurried, "b");
        SqsEventSourceMapping mapping = runtime.map(unhurried, handler, HALF_SECOND_WINDOW, TIMEOUT);

        await().atMost(PATIENCE).until(() -> mapping.counters().deleted() == 2);
        assertThat(runtime.figures(unhurried).queue().total()).isZero();
        assertThat(mapping.counters()).isEqualTo(new MappingCounters(1, 2, 0, 0, 2));
    }

    @Test
    void aListedItemFailureComesBackAfterTheVisibilityTimeoutAndTheOthersDoNot() {
        handler.behave(RecordingHandler.failing(m -> m.getBody().equals("bad")
                && m.getAttributes().get("ApproximateReceiveCount").equals("1")));
        runtime.send(queue, "good");
        runtime.send(queue, "bad");
        SqsEventSourceMapping mapping = runtime.map(queue, handler, HALF_SECOND_WINDOW, TIMEOUT);

        await().atMost(PATIENCE).until(() -> handler.deliveriesOf("bad").size() == 2);
        List<Delivery> bad = handler.deliveriesOf("bad");
        assertThat(bad).extracting(Delivery::receiveCount).containsExactly(1, 2);
        assertThat(bad.get(1).atNanos() - bad.get(0).atNanos()).isGreaterThanOrEqualTo(VISIBILITY.toNanos() - 50_000_000L);
        assertThat(handler.deliveriesOf("good")).hasSize(1);
        await().atMost(PATIENCE).until(() -> runtime.figures(queue).queue().total() == 0);
        assertThat(mapping.counters().failedItems()).isEqualTo(1);
    }

    @Test
    void aThrownExceptionRedeliversTheWholeBatch() {
        handler.behave((event, context) -> {
            if (handler.batchSizes.size() == 1) {
                throw new IllegalStateException("first batch fails");
            }
            return new SQSBatchResponse(List.of());
        });
        runtime.send(queue, "a");
        runtime.send(queue, "b");
        SqsEventSourceMapping mapping = runtime.map(queue, handler, HALF_SECOND_WINDOW, TIMEOUT);

        await().atMost(PATIENCE).until(() -> mapping.counters().deleted() == 2);
        assertThat(handler.deliveriesOf("a")).extracting(Delivery::receiveCount).containsExactly(1, 2);
        assertThat(handler.deliveriesOf("b")).extracting(Delivery::receiveCount).containsExactly(1, 2);
        assertThat(mapping.counters().failedBatches()).isEqualTo(1);
    }

    @Test
    void afterMaxReceiveCountTheMessageMovesToTheDeadLetterQueueWithItsAttributes() {
        handler.behave((event, context) -> {
            throw new IllegalStateException("poison");
        });
        var correlation = MessageAttributeValue.builder().dataType("String").stringValue("c-42").build();
        runtime.send(queue, "poison", Map.of("correlationId", correlation));
        runtime.map(queue, handler, SINGLE_RECEIVE, TIMEOUT);

        await().atMost(PATIENCE).until(() -> runtime.figures(queue).deadLetterQueue().visible() == 1);
        Message parked = runtime.sqs.receiveMessage(b -> b.queueUrl(queue.deadLetterQueueUrl())
                .messageAttributeNames("All")).messages().get(0);
        assertThat(parked.body()).isEqualTo("poison");
        assertThat(parked.messageAttributes()).containsEntry("correlationId", correlation);
        assertThat(handler.deliveriesOf("poison")).extracting(Delivery::receiveCount).containsExactly(1, 2, 3);
        assertThat(handler.deliveriesOf("poison").get(0).message().getMessageAttributes().get("correlationId")
                .getStringValue()).isEqualTo("c-42");
    }

    @Test
    void theHandlerIsNeverEnteredByTwoThreadsAtOnce() {
        QueueUrls unhurried = runtime.queue("unhurried", UNHURRIED, 3);
        handler.behave((event, context) -> {
            new CountDownLatch(1).await(50, TimeUnit.MILLISECONDS); // simulated work
            return new SQSBatchResponse(List.of());
        });
        for (int i = 0; i < 8; i++) {
            runtime.send(unhurried, "m" + i);
        }
        SqsEventSourceMapping mapping = runtime.map(unhurried, handler, new MappingConfig(1, Duration.ZERO), TIMEOUT);

        await().atMost(PATIENCE).until(() -> handler.deliveries.size() == 8);
        assertThat(mapping.pollers()).isOne();
        assertThat(handler.maxActive).hasValue(1);
        assertThat(handler.batchSizes).containsOnly(1);
    }

    @Test
    void aMaximumConcurrencyOfTwoRunsTwoPollersEachInvokingItsOwnContainer() {
        QueueUrls unhurried = runtime.queue("unhurried", UNHURRIED, 3);
        CountDownLatch bothInHand = new CountDownLatch(2);
        handler.behave((event, context) -> {
            bothInHand.countDown();
            bothInHand.await(20, TimeUnit.SECONDS); // one poller alone would wait here the whole time
            return new SQSBatchResponse(List.of());
        });
        runtime.send(unhurried, "a");
        runtime.send(unhurried, "b");
        SqsEventSourceMapping mapping = runtime.map(unhurried, handler,
                new MappingConfig(1, Duration.ZERO).withMaximumConcurrency(2), TIMEOUT);

        await().atMost(PATIENCE).until(() -> mapping.counters().deleted() == 2);
        assertThat(mapping.pollers()).isEqualTo(2);
        assertThat(handler.maxActive).as("two batches at once").hasValue(2);
        assertThat(mapping.counters()).isEqualTo(new MappingCounters(2, 2, 0, 0, 2));
    }

    @Test
    void aHandlerRunningPastTheTimeoutFailsTheBatch() {
        handler.behave((event, context) -> {
            if (handler.batchSizes.size() == 1) {
                new CountDownLatch(1).await(); // past the timeout; interrupted by the runtime
            }
            return new SQSBatchResponse(List.of());
        });
        runtime.send(queue, "slow");
        SqsEventSourceMapping mapping = runtime.map(queue, handler, SINGLE_RECEIVE, Duration.ofMillis(300));

        await().atMost(PATIENCE).until(() -> mapping.counters().deleted() == 1);
        assertThat(handler.deliveriesOf("slow")).extracting(Delivery::receiveCount).containsExactly(1, 2);
        assertThat(mapping.counters().failedBatches()).isEqualTo(1);
    }

    @Test
    void aCrashBetweenHandlingAndDeleteDeliversTheMessageAgain() {
        var entered = new CountDownLatch(1);
        handler.behave((event, context) -> {
            entered.countDown();
            new CountDownLatch(1).await(); // the "process" dies before answering
            return new SQSBatchResponse(List.of());
        });
        runtime.send(queue, "once-or-more");
        SqsEventSourceMapping crashed = runtime.map(queue, handler, SINGLE_RECEIVE, TIMEOUT);
        await().atMost(PATIENCE).until(() -> entered.getCount() == 0);
        crashed.close();

        var restarted = new RecordingHandler();
        SqsEventSourceMapping mapping = runtime.map(queue, restarted, SINGLE_RECEIVE, TIMEOUT);
        await().atMost(PATIENCE).until(() -> mapping.counters().deleted() == 1);
        assertThat(restarted.deliveriesOf("once-or-more")).extracting(Delivery::receiveCount).containsExactly(2);
        assertThat(restarted.deliveries.get(0).message().getMessageId())
                .isEqualTo(handler.deliveries.get(0).message().getMessageId());
    }

    @Test
    void queueFiguresShowVisibleInFlightDelayedAndDeadLetters() {
        QueueUrls figures = runtime.queue("figures", Duration.ofSeconds(30), 1);
        runtime.send(figures, "visible");
        runtime.send(figures, "in-flight");
        runtime.sqs.sendMessage(b -> b.queueUrl(figures.queueUrl()).messageBody("delayed").delaySeconds(60));
        runtime.sqs.receiveMessage(b -> b.queueUrl(figures.queueUrl()).maxNumberOfMessages(1));

        assertThat(runtime.figures(figures)).isEqualTo(
                new QueueFigures(new QueueCounts(1, 1, 1), new QueueCounts(0, 0, 0)));

        QueueUrls poisoned = runtime.queue("poisoned", VISIBILITY, 1);
        runtime.send(poisoned, "parked");
        runtime.sqs.receiveMessage(b -> b.queueUrl(poisoned.queueUrl()));
        await().atMost(PATIENCE).untilAsserted(() -> {
            runtime.sqs.receiveMessage(b -> b.queueUrl(poisoned.queueUrl()));
            assertThat(runtime.figures(poisoned).deadLetterQueue()).isEqualTo(new QueueCounts(1, 0, 0));
        });
        assertThat(runtime.figures(poisoned).queue().total()).isZero();
    }
}
