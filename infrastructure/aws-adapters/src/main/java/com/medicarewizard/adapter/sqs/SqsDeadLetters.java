package com.medicarewizard.adapter.sqs;

import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.port.DeadLetters;
import com.medicarewizard.port.ReservationCommand;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksResultEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * {@link DeadLetters} on the reservation queue's SQS dead-letter queue.
 *
 * <p>Listing receives with long polls of {@value #WAIT_SECONDS} s (a short poll asks only a sample of
 * SQS's servers and may answer nothing while messages exist), and hides what it received for
 * {@link #HIDDEN} — a few seconds more than the listing may last ({@link #LISTING} and its last poll)
 * — so that the next receive reaches the others: SQS answers a receive with messages that are visible,
 * and receives that left them visible (a visibility timeout of 0) kept bringing back the same ten or
 * so, so that a listing stopped there with hundreds waiting. It receives again until it has the number
 * wanted, a poll brings nothing new, or it has taken {@link #LISTING} (it answers what it has then,
 * well within the API's 29 s); then it makes what it listed visible again at once
 * ({@code ChangeMessageVisibilityBatch} to 0). What an operator sees: while a listing runs, and for at
 * most {@link #HIDDEN} after one whose release failed, the listed messages are in flight — a second
 * listing meanwhile shows the others only, and the queue's figures count them as not visible. While
 * a move task is under way a listing hides nothing: it looks once, leaving what it sees visible for
 * the move (at most ten, a sample). A redrive started during a listing counts them (the messages in flight are counted as waiting) and starts
 * SQS's move task; SQS documents that the task moves messages by receiving and deleting them on the
 * caller's grant (it needs {@code sqs:ReceiveMessage} and {@code sqs:DeleteMessage} on the dead-letter
 * queue) and takes its {@code ApproximateNumberOfMessagesToMove} when it starts, and says nothing of
 * messages in flight: one hidden by a listing cannot be received until it is visible again, so a move
 * that finishes first leaves it behind, listed still, for the next redrive.
 *
 * <p>Redriving is SQS's own message move task ({@code StartMessageMoveTask} from the dead-letter
 * queue to the reservation queue): SQS moves the messages, body and attributes kept, at its own pace
 * after the answer, instead of a receive, send and delete per message within one API call (a
 * thousand would take longer than the intake may run). One move runs at a time per queue, and SQS
 * refuses to start another while the last is {@code RUNNING} or {@code CANCELLING}: a redrive then
 * answers that one. In AWS the caller needs {@code sqs:StartMessageMoveTask},
 * {@code sqs:ListMessageMoveTasks}, {@code sqs:GetQueueAttributes}, {@code sqs:ReceiveMessage} and
 * {@code sqs:ChangeMessageVisibility} on the dead-letter queue, and the move itself
 * {@code sqs:ReceiveMessage}/{@code DeleteMessage} there and {@code sqs:SendMessage} on the
 * reservation queue.
 */
public final class SqsDeadLetters implements DeadLetters {
    static final int WAIT_SECONDS = 1;
    /** How long a listing goes on receiving: a receive is not started after it. */
    static final Duration LISTING = Duration.ofSeconds(5);
    /** How long a received message stays hidden unless released: the listing, its last poll and a margin. */
    static final Duration HIDDEN = LISTING.plusSeconds(WAIT_SECONDS + 4L);
    private static final int MAX_PER_BATCH = 10;
    /** The states of a move task during which SQS starts no other on the queue. */
    private static final Set<String> UNDER_WAY = Set.of("RUNNING", "CANCELLING");
    private static final Logger LOG = LogManager.getLogger(SqsDeadLetters.class);
    private final SqsClient client;
    private final String queueUrl;
    private final String deadLetterQueueUrl;
    private final Clock clock;

    public SqsDeadLetters(SqsClient client, String queueUrl, String deadLetterQueueUrl) {
        this(client, queueUrl, deadLetterQueueUrl, Clock.systemUTC());
    }

    SqsDeadLetters(SqsClient client, String queueUrl, String deadLetterQueueUrl, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queue url");
        this.deadLetterQueueUrl = Objects.requireNonNull(deadLetterQueueUrl, "dead-letter queue url");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<DeadLetter> list(int max) {
        // by message id, the latest receipt of each (a message seen twice came back: its old handle is stale)
        Map<String, Message> seen = new LinkedHashMap<>();
        Instant stop = clock.instant().plus(LISTING);
        try {
            if (moveTask().isPresent()) {
                // hiding letters now would keep them from the move: one look that leaves them visible
                return receive(Math.min(MAX_PER_BATCH, max), 0).stream().map(SqsDeadLetters::deadLetter).toList();
            }
            while (seen.size() < max && clock.instant().isBefore(stop)) {
                int before = seen.size();
                receive(Math.min(MAX_PER_BATCH, max - seen.size())).forEach(m -> seen.put(m.messageId(), m));
                if (seen.size() == before) {
                    break;
                }
            }
        } catch (SdkException e) {
            release(seen.values());
            throw new ReservationQueueUnavailable("could not read the dead-letter queue", e);
        }
        release(seen.values());
        return seen.values().stream().map(SqsDeadLetters::deadLetter).toList();
    }

    /** The move task from the dead-letter queue that is running (or being cancelled), if any. */
    private Optional<ListMessageMoveTasksResultEntry> moveTask() {
        String source = arn(deadLetterQueueUrl);
        return client.listMessageMoveTasks(b -> b.sourceArn(source).maxResults(1)).results().stream()
                .filter(task -> UNDER_WAY.contains(task.status())).findFirst();
    }

    @Override
    public Redrive redrive() {
        try {
            Optional<ListMessageMoveTasksResultEntry> underWay = moveTask();
            if (underWay.isPresent()) {
                ListMessageMoveTasksResultEntry task = underWay.get();
                return new Redrive(false, Optional.ofNullable(task.approximateNumberOfMessagesToMove()).orElse(0L),
                        Optional.ofNullable(task.taskHandle()));
            }
            long waiting = waiting();
            if (waiting == 0) {
                return new Redrive(false, 0, Optional.empty());
            }
            String source = arn(deadLetterQueueUrl);
            String destination = arn(queueUrl);
            String handle = client.startMessageMoveTask(b -> b.sourceArn(source).destinationArn(destination)).taskHandle();
            return new Redrive(true, waiting, Optional.ofNullable(handle));
        } catch (SdkException e) {
            throw new ReservationQueueUnavailable("could not start moving the dead letters back", e);
        }
    }

    /** The messages in the dead-letter queue, those a listing holds in flight included. */
    private long waiting() {
        Map<QueueAttributeName, String> counts = client.getQueueAttributes(b -> b.queueUrl(deadLetterQueueUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Long.parseLong(counts.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"))
                + Long.parseLong(counts.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0"));
    }

    /** A queue's ARN, asked when needed: a function never calls SQS while it initialises. */
    private String arn(String url) {
        return client.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    private List<Message> receive(int max) {
        return receive(max, (int) HIDDEN.toSeconds());
    }

    private List<Message> receive(int max, int hiddenSeconds) {
        return client.receiveMessage(b -> b.queueUrl(deadLetterQueueUrl)
                .maxNumberOfMessages(max).visibilityTimeout(hiddenSeconds).waitTimeSeconds(WAIT_SECONDS)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                .messageAttributeNames("All")).messages();
    }

    /**
     * Makes the listed messages visible again now rather than after {@link #HIDDEN}. Best effort: one
     * not released (a stale handle; SQS unreachable, or the role not granted
     * {@code sqs:ChangeMessageVisibility}, when the rest is not tried) comes back by itself when its
     * timeout ends.
     */
    private void release(Collection<Message> listed) {
        List<Message> messages = List.copyOf(listed);
        int kept = 0;
        String why = "";
        for (int from = 0; from < messages.size(); from += MAX_PER_BATCH) {
            List<Message> chunk = messages.subList(from, Math.min(messages.size(), from + MAX_PER_BATCH));
            List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>(chunk.size());
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id(Integer.toString(i))
                        .receiptHandle(chunk.get(i).receiptHandle()).visibilityTimeout(0).build());
            }
            try {
                var failed = client.changeMessageVisibilityBatch(b -> b.queueUrl(deadLetterQueueUrl).entries(entries))
                        .failed();
                kept += failed.size();
                why = failed.isEmpty() ? why : failed.getFirst().code();
            } catch (SdkException e) {
                kept += messages.size() - from;
                why = e instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                        ? aws.awsErrorDetails().errorCode() : e.getClass().getSimpleName();
                break;
            }
        }
        if (kept > 0) {
            LOG.warn("{} listed dead letters not made visible again ({}): they are within {} s", kept, why,
                    HIDDEN.toSeconds());
        }
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
