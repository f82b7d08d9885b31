package com.medicarewizard.adapter.sqs;

import com.medicarewizard.port.ReservationCommand;
import com.medicarewizard.port.ReservationQueue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@link ReservationQueue} on an SQS standard queue (with its dead-letter queue for the figures).
 * The body names the reservation only (see {@link ReservationCommandCodec}); the SDK's own retries
 * apply, and what still fails is a {@link QueueUnavailableException}.
 */
public final class SqsReservationQueue implements ReservationQueue {

    private static final String STRING = "String";

    private final SqsClient client;
    private final String queueUrl;
    private final String deadLetterQueueUrl;

    /** The client is shared and owned by the caller (one per container). */
    public SqsReservationQueue(SqsClient client, String queueUrl, String deadLetterQueueUrl) {
        this.client = Objects.requireNonNull(client, "client");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queue url");
        this.deadLetterQueueUrl = Objects.requireNonNull(deadLetterQueueUrl, "dead-letter queue url");
    }

    @Override
    public void send(ReservationCommand command) {
        try {
            client.sendMessage(b -> b.queueUrl(queueUrl)
                    .messageBody(ReservationCommandCodec.body(command))
                    .messageAttributes(Map.of(ReservationCommandCodec.CORRELATION_ID, MessageAttributeValue.builder()
                            .dataType(STRING).stringValue(command.correlationId()).build())));
        } catch (SdkException e) {
            throw new QueueUnavailableException("the queue did not accept " + command.type()
                    + " for reservation " + command.reservation(), e);
        }
    }

    /**
     * Sends up to ten commands in one {@code SendMessageBatch}; answers those the queue did not
     * accept (each entry of a batch succeeds or fails on its own).
     *
     * @throws QueueUnavailableException when the batch as a whole was refused
     */
    public List<ReservationCommand> sendBatch(List<ReservationCommand> commands) {
        if (commands.isEmpty() || commands.size() > 10) {
            throw new IllegalArgumentException("a batch holds 1 to 10 commands, not " + commands.size());
        }
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>(commands.size());
        for (int i = 0; i < commands.size(); i++) {
            ReservationCommand command = commands.get(i);
            entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
                    .messageBody(ReservationCommandCodec.body(command))
                    .messageAttributes(Map.of(ReservationCommandCodec.CORRELATION_ID, MessageAttributeValue.builder()
                            .dataType(STRING).stringValue(command.correlationId()).build()))
                    .build());
        }
        try {
            return client.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries)).failed().stream()
                    .map(failed -> commands.get(Integer.parseInt(failed.id())))
                    .toList();
        } catch (SdkException e) {
            throw new QueueUnavailableException("the queue did not accept a batch of " + commands.size()
                    + " command(s)", e);
        }
    }

    @Override
    public QueueFigures figures() {
        try {
            Map<QueueAttributeName, String> queue = counts(queueUrl);
            Map<QueueAttributeName, String> deadLetters = counts(deadLetterQueueUrl);
            return new QueueFigures(
                    count(queue, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES),
                    count(queue, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE),
                    // an operator inspecting dead letters makes them invisible for a while: still dead letters
                    count(deadLetters, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)
                            + count(deadLetters, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
        } catch (SdkException e) {
            throw new QueueUnavailableException("could not read the queue figures", e);
        }
    }

    private Map<QueueAttributeName, String> counts(String url) {
        return client.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
    }

    private static long count(Map<QueueAttributeName, String> attributes, QueueAttributeName name) {
        return Long.parseLong(attributes.getOrDefault(name, "0"));
    }
}
