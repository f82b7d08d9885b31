package com.medicarewizard.adapter.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.port.DeadLetters.DeadLetter;
import com.medicarewizard.port.DeadLetters.Redrive;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequest;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchResponse;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksRequest;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksResponse;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksResultEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;
import software.amazon.awssdk.services.sqs.model.StartMessageMoveTaskRequest;
import software.amazon.awssdk.services.sqs.model.StartMessageMoveTaskResponse;

/**
 * How the dead letters are received and moved, without a server, on a fake dead-letter queue that
 * behaves as SQS does where ElasticMQ does not: a receive answers the first visible messages in the
 * queue's order, so receives that leave them visible bring the same ones back. Against ElasticMQ the
 * behaviour is SqsDeadLettersIT's.
 */
class SqsDeadLettersTest {
    private final DeadLetterQueue queue = new DeadLetterQueue();

    @Test
    void eachReceiveLongPollsBrieflyAndHidesWhatItListedLongerThanTheListingLasts() {
        queue.add(3);
        new SqsDeadLetters(queue, "https://queue", "https://dlq", queue.clock).list(200);

        assertThat(queue.receives).allSatisfy(request -> {
            assertThat(request.queueUrl()).isEqualTo("https://dlq");
            assertThat(request.waitTimeSeconds()).isBetween(1, 2);
            assertThat(Duration.ofSeconds(request.visibilityTimeout()))
                    .isGreaterThan(SqsDeadLetters.LISTING.plusSeconds(request.waitTimeSeconds()));
        });
    }

    @Test
    void listsMoreThanTheSameFirstTenThatAReceiveLeavingThemVisibleWouldBringBack() {
        List<String> ids = queue.add(25);

        List<DeadLetter> listed = new SqsDeadLetters(queue, "https://queue", "https://dlq", queue.clock).list(200);

        assertThat(listed).extracting(DeadLetter::messageId).containsExactlyElementsOf(ids);
    }

    @Test
    void whatWasListedIsVisibleAgainOnceTheListingIsDone() {
        queue.add(25);
        SqsDeadLetters deadLetters = new SqsDeadLetters(queue, "https://queue", "https://dlq", queue.clock);
        deadLetters.list(200);

        assertThat(queue.visible()).as("released, not hidden for the visibility timeout").isEqualTo(25);
        assertThat(deadLetters.list(200)).as("a second look a moment later").hasSize(25);
    }

    @Test
    void aListingThatCannotReleaseWhatItListedStillAnswersAndLeavesThemToTheirTimeout() {
        queue.add(25);
        queue.releaseRefused = true;

        assertThat(new SqsDeadLetters(queue, "https://queue", "https://dlq", queue.clock).list(200)).hasSize(25);

        assertThat(queue.releases).as("not tried again for the rest").isOne();
        assertThat(queue.visible()).isZero();
        queue.clock.now = queue.clock.now.plus(SqsDeadLetters.HIDDEN);
        assertThat(queue.visible()).isEqualTo(25);
    }

    @Test
    void stopsAtTheWantedCount() {
        queue.add(25);

        assertThat(new SqsDeadLetters(queue, "https://queue", "https://dlq", queue.clock).list(20)).hasSize(20);
        assertThat(queue.receives).extracting(ReceiveMessageRequest::maxNumberOfMessages).containsExactly(10, 10);
    }

    @Test
    void stopsReceivingOnceTheListingHasTakenItsTimeAndAnswersWhatItHas() {
        queue.add(200);
        queue.eachReceiveTakes = Duration.ofSeconds(1);

        List<DeadLetter> listed = new SqsDeadLetters(queue, "https://queue", "https://dlq", queue.clock).list(200);

        assertThat(queue.receives).hasSize((int) SqsDeadLetters.LISTING.toSeconds());
        assertThat(listed).hasSize(10 * (int) SqsDeadLetters.LISTING.toSeconds());
    }

    @Test
    void aMoveBeingCancelledIsStillUnderWayAndNoOtherIsStarted() {
        queue.add(3);
        queue.task = ListMessageMoveTasksResultEntry.builder().status("CANCELLING").taskHandle("task-1")
                .approximateNumberOfMessagesToMove(7L).build();

        Redrive redrive = new SqsDeadLetters(queue, "https://queue", "https://dlq", queue.clock).redrive();

        assertThat(redrive).isEqualTo(new Redrive(false, 7, Optional.of("task-1")));
        assertThat(queue.moves).isZero();
    }

    /** A listing while a move runs must not hide letters from it: one look, everything left visible. */
    @Test
    void aListingWhileAMoveRunsHidesNothingFromIt() {
        queue.add(25);
        queue.task = ListMessageMoveTasksResultEntry.builder().status("RUNNING").taskHandle("task-1").build();

        List<DeadLetter> listed = new SqsDeadLetters(queue, "https://queue", "https://dlq", queue.clock).list(200);

        assertThat(listed).hasSize(10);
        assertThat(queue.receives).singleElement().satisfies(r -> assertThat(r.visibilityTimeout()).isZero());
        assertThat(queue.visible()).isEqualTo(25);
    }

    @Test
    void aFinishedMoveLetsAnotherStart() {
        queue.add(3);
        queue.task = ListMessageMoveTasksResultEntry.builder().status("COMPLETED").taskHandle("task-1").build();

        Redrive redrive = new SqsDeadLetters(queue, "https://queue", "https://dlq", queue.clock).redrive();

        assertThat(redrive.started()).isTrue();
        assertThat(queue.moves).isOne();
    }

    /** A dead-letter queue as SQS keeps one: messages in order, each hidden until its visibility timeout ends. */
    private static final class DeadLetterQueue implements SqsClient {
        final List<ReceiveMessageRequest> receives = new ArrayList<>();
        final Map<String, Instant> hiddenUntil = new LinkedHashMap<>();
        final MovingClock clock = new MovingClock();
        Duration eachReceiveTakes = Duration.ZERO;
        ListMessageMoveTasksResultEntry task;
        int moves;
        int releases;
        boolean releaseRefused;
        private final AtomicInteger next = new AtomicInteger();

        List<String> add(int count) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String id = "m-" + next.incrementAndGet();
                hiddenUntil.put(id, Instant.EPOCH);
                ids.add(id);
            }
            return ids;
        }

        long visible() {
            return hiddenUntil.values().stream().filter(until -> !until.isAfter(clock.instant())).count();
        }

        @Override
        public ReceiveMessageResponse receiveMessage(ReceiveMessageRequest request) {
            receives.add(request);
            clock.now = clock.now.plus(eachReceiveTakes);
            List<Message> got = hiddenUntil.entrySet().stream().filter(e -> !e.getValue().isAfter(clock.instant()))
                    .limit(request.maxNumberOfMessages()).map(Map.Entry::getKey).toList().stream()
                    .map(id -> {
                        hiddenUntil.put(id, clock.instant().plusSeconds(request.visibilityTimeout()));
                        return Message.builder().messageId(id).receiptHandle("handle-" + id).body("not a command")
                                .build();
                    }).toList();
            return ReceiveMessageResponse.builder().messages(got).build();
        }

        @Override
        public ChangeMessageVisibilityBatchResponse changeMessageVisibilityBatch(ChangeMessageVisibilityBatchRequest request) {
            releases++;
            if (releaseRefused) {
                throw SqsException.builder().statusCode(403).awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("AccessDenied").build()).build();
            }
            assertThat(request.entries()).hasSizeLessThanOrEqualTo(10);
            for (ChangeMessageVisibilityBatchRequestEntry entry : request.entries()) {
                hiddenUntil.put(entry.receiptHandle().substring("handle-".length()),
                        clock.instant().plusSeconds(entry.visibilityTimeout()));
            }
            return ChangeMessageVisibilityBatchResponse.builder().build();
        }

        @Override
        public ListMessageMoveTasksResponse listMessageMoveTasks(ListMessageMoveTasksRequest request) {
            return ListMessageMoveTasksResponse.builder().results(task == null ? List.of() : List.of(task)).build();
        }

        @Override
        public GetQueueAttributesResponse getQueueAttributes(GetQueueAttributesRequest request) {
            return GetQueueAttributesResponse.builder().attributes(Map.of(
                    QueueAttributeName.QUEUE_ARN, "arn:aws:sqs:eu-south-1:123456789012:" + request.queueUrl().substring(8),
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, Long.toString(visible()),
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                    Long.toString(hiddenUntil.size() - visible()))).build();
        }

        @Override
        public StartMessageMoveTaskResponse startMessageMoveTask(StartMessageMoveTaskRequest request) {
            moves++;
            return StartMessageMoveTaskResponse.builder().taskHandle("task-" + (moves + 1)).build();
        }

        @Override
        public String serviceName() {
            return "sqs";
        }

        @Override
        public void close() {
        }
    }

    /** The time the fake queue's receives take. */
    private static final class MovingClock extends Clock {
        volatile Instant now = Instant.parse("2030-03-04T08:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
