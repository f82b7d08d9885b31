package com.medicarewizard.lambda.common;

import com.medicarewizard.adapter.sqs.SqsDeadLetters;
import com.medicarewizard.adapter.sqs.SqsReservationQueue;

import java.util.Objects;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The reservation queue ({@code MCW_QUEUE_URL}) and its dead-letter queue ({@code MCW_DEAD_LETTER_QUEUE_URL})
 * on one SQS client per container, for every function that queues commands to the allocator: the intake
 * (requests, cancellations, operators' redrives), the sweeper (requests left PENDING), the notifier (offers
 * from the waitlist) and the reminder function (offers' lapses). Building them makes no call, so nothing
 * that changes is read at initialisation (SnapStart). The notifier and the reminder function may only
 * send there (the stack grants them {@code sqs:SendMessage} alone): they never read the queues' figures.
 */
public record SqsQueues(SqsClient client, String queueUrl, String deadLetterQueueUrl) {

    public SqsQueues {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(queueUrl, "queue url");
        Objects.requireNonNull(deadLetterQueueUrl, "dead-letter queue url");
    }

    public static SqsQueues from(AwsSettings settings) {
        return new SqsQueues(AwsClients.build(SqsClient.builder(), "SQS", settings), settings.queueUrl(),
                settings.deadLetterQueueUrl());
    }

    /** The allocator's queue, as a port. */
    public SqsReservationQueue reservations() {
        return new SqsReservationQueue(client, queueUrl, deadLetterQueueUrl);
    }

    /** The operators' dead letters: listed and redriven to the reservation queue. */
    public SqsDeadLetters deadLetters() {
        return new SqsDeadLetters(client, queueUrl, deadLetterQueueUrl);
    }
}
