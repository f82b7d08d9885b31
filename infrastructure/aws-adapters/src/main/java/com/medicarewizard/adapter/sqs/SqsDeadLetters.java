package com.medicarewizard.adapter.sqs;

import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.port.DeadLetters;
import com.medicarewizard.port.ReservationCommand;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link DeadLetters} on the reservation queue's SQS dead-letter queue. Listing receives with a
 * visibility timeout of 0, so the messages stay where they are; redriving sends each back to the
 * queue (body and message attributes kept) and then deletes it from the dead-letter queue: a
 * crash in between leaves a copy in both, which the idempotent allocator absorbs.
 */
public final class SqsDeadLetters implements DeadLetters {
    private static final int MAX_PER_RECEIVE = 10;
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
        Map<String, DeadLetter> seen = new java.util.LinkedHashMap<>();
        try {
            while (seen.size() < max) {
                List<Message> got = receive(Math.min(MAX_PER_RECEIVE, max - seen.size()), 0);
                int before = seen.size();
                got.forEach(m -> seen.putIfAbsent(m.messageId(), deadLetter(m)));
                if (got.isEmpty() || seen.size() == before) {
                    break;
                }
            }
        } catch (SdkException e) {
            throw new ReservationQueueUnavailable("could not read the dead-letter queue", e);
        }
        return List.copyOf(seen.values());
    }

    @Override
    public int redrive(int max) {
        int moved = 0;
        try {
            while (moved < max) {
                List<Message> batch = receive(Math.min(MAX_PER_RECEIVE, max - moved), 30);
                if (batch.isEmpty()) {
                    break;
                }
                for (Message m : batch) {
                    client.sendMessage(b -> b.queueUrl(queueUrl).messageBody(m.body())
                            .messageAttributes(m.messageAttributes()));
                    client.deleteMessage(b -> b.queueUrl(deadLetterQueueUrl).receiptHandle(m.receiptHandle()));
                    moved++;
                }
            }
        } catch (SdkException e) {
            throw new ReservationQueueUnavailable("redrive stopped after " + moved + " messages", e);
        }
        return moved;
    }

    private List<Message> receive(int max, int visibilitySeconds) {
        List<Message> messages = new ArrayList<>(client.receiveMessage(b -> b.queueUrl(deadLetterQueueUrl)
                .maxNumberOfMessages(max).visibilityTimeout(visibilitySeconds).waitTimeSeconds(0)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                .messageAttributeNames("All")).messages());
        return messages;
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
