package com.medicarewizard.adapter.sqs;

import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.port.DeadLetters;
import com.medicarewizard.port.ReservationCommand;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksResultEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link DeadLetters} on the reservation queue's SQS dead-letter queue.
 *
 * <p>Listing receives with a visibility timeout of 0, so the messages stay where they are, and with
 * long polls of {@value #WAIT_SECONDS} s: a short poll asks only a sample of SQS's servers and may
 * answer nothing while messages exist. It receives again until it has the number wanted, a poll
 * brings nothing new, or {@value #MAX_RECEIVES} receives were made — at most about
 * {@value #MAX_RECEIVES} seconds, well within the API's 29 s.
 *
 * <p>Redriving is SQS's own message move task ({@code StartMessageMoveTask} from the dead-letter
 * queue to the reservation queue): SQS moves the messages, body and attributes kept, at its own pace
 * after the answer, instead of a receive, send and delete per message within one API call (a
 * thousand would take longer than the intake may run). One move runs at a time per queue: a redrive
 * while one is under way answers that one. In AWS the caller needs {@code sqs:StartMessageMoveTask},
 * {@code sqs:ListMessageMoveTasks} and {@code sqs:GetQueueAttributes} on the dead-letter queue, and
 * the move itself {@code sqs:ReceiveMessage}/{@code DeleteMessage} there and {@code sqs:SendMessage}
 * on the reservation queue.
 */
public final class SqsDeadLetters implements DeadLetters {
    static final int WAIT_SECONDS = 1;
    static final int MAX_RECEIVES = 10;
    private static final int MAX_PER_RECEIVE = 10;
    private static final String RUNNING = "RUNNING";
    private final SqsClient client;
    private final String queueUrl;
    private final String deadLetterQueueUrl;

    public SqsDeadLetters(SqsClient client, String queueUrl, String deadLetterQueueUrl) {
        this.client = Objects.requireNonNull(client, "client");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queue url");
        this.deadLetterQueueUrl = Objects.requireNonNull(deadLetterQueueUrl, "dead-letter queue url");
    }

    @Override
    public List<DeadLetter> list(int max) {
        Map<String, DeadLetter> seen = new LinkedHashMap<>();
        try {
            for (int receives = 0; seen.size() < max && receives < MAX_RECEIVES; receives++) {
                List<Message> got = receive(Math.min(MAX_PER_RECEIVE, max - seen.size()));
                int before = seen.size();
                got.forEach(m -> seen.putIfAbsent(m.messageId(), deadLetter(m)));
                if (seen.size() == before) {
                    break;
                }
            }
        } catch (SdkException e) {
            throw new ReservationQueueUnavailable("could not read the dead-letter queue", e);
        }
        return List.copyOf(seen.values());
    }

    @Override
    public Redrive redrive() {
        try {
            String source = arn(deadLetterQueueUrl);
            Optional<ListMessageMoveTasksResultEntry> underWay = client.listMessageMoveTasks(b -> b.sourceArn(source)
                    .maxResults(1)).results().stream().filter(task -> RUNNING.equals(task.status())).findFirst();
            if (underWay.isPresent()) {
                ListMessageMoveTasksResultEntry task = underWay.get();
                return new Redrive(false, Optional.ofNullable(task.approximateNumberOfMessagesToMove()).orElse(0L),
                        Optional.ofNullable(task.taskHandle()));
            }
            long waiting = waiting();
            if (waiting == 0) {
                return new Redrive(false, 0, Optional.empty());
            }
            String destination = arn(queueUrl);
            String handle = client.startMessageMoveTask(b -> b.sourceArn(source).destinationArn(destination)).taskHandle();
            return new Redrive(true, waiting, Optional.ofNullable(handle));
        } catch (SdkException e) {
            throw new ReservationQueueUnavailable("could not start moving the dead letters back", e);
        }
    }

    private long waiting() {
        String count = client.getQueueAttributes(b -> b.queueUrl(deadLetterQueueUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0");
        return Long.parseLong(count);
    }

    /** A queue's ARN, asked when needed: a function never calls SQS while it initialises. */
    private String arn(String url) {
        return client.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    private List<Message> receive(int max) {
        return client.receiveMessage(b -> b.queueUrl(deadLetterQueueUrl)
                .maxNumberOfMessages(max).visibilityTimeout(0).waitTimeSeconds(WAIT_SECONDS)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                .messageAttributeNames("All")).messages();
    }

    private static DeadLetter deadLetter(Message m) {
        var attributes = m.attributes();
        int receives = Integer.parseInt(attributes.getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "0"));
        Instant sent = Instant.ofEpochMilli(Long.parseLong(attributes.getOrDefault(MessageSystemAttributeName.SENT_TIMESTAMP, "0")));
        return new DeadLetter(m.messageId(), reservationOf(m), receives, sent);
    }

    /** The reservation a command names; empty for a message that is not a command. */
    private static Optional<ReservationId> reservationOf(Message m) {
        try {
            return Optional.of(ReservationCommandCodec.parse(m.body(), Map.of())).map(ReservationCommand::reservation);
        } catch (IllegalArgumentException notACommand) {
            return Optional.empty();
        }
    }

    /** The dead-letter queue could not be read or written. */
    public static final class ReservationQueueUnavailable extends RuntimeException {
        ReservationQueueUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
