package com.medicarewizard.cdk;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * The reservation queue (standard, see docs/adr/0005) with its dead-letter queue after
 * {@value #MAX_RECEIVE_COUNT} receives, and the queues where failed invocations and stream records
 * the notifier gave up on wait for operators. All keep messages 14 days, SQS-managed encryption.
 */
final class ReservationQueues extends Construct {

    /** As the embedded runtime's default (MCW_MAX_RECEIVE_COUNT). */
    static final int MAX_RECEIVE_COUNT = 5;
    /** At least six times the allocator's timeout, as AWS advises for SQS event sources. */
    static final Duration VISIBILITY = Duration.seconds(6 * Functions.ALLOCATOR_TIMEOUT_SECONDS);
    private static final Duration FOURTEEN_DAYS = Duration.days(14);

    private final Queue requests;
    private final Queue deadLetters;
    private final Queue failedInvocations;
    private final Queue streamFailures;

    ReservationQueues(Construct scope, String id) {
        super(scope, id);
        deadLetters = queue("DeadLetters").build();
        requests = queue("Requests")
                .visibilityTimeout(VISIBILITY)
                .deadLetterQueue(DeadLetterQueue.builder().queue(deadLetters).maxReceiveCount(MAX_RECEIVE_COUNT).build())
                .build();
        failedInvocations = queue("FailedInvocations").build();
        streamFailures = queue("StreamFailures").build();
    }

    private Queue.Builder queue(String id) {
        return Queue.Builder.create(this, id).encryption(QueueEncryption.SQS_MANAGED).enforceSsl(true)
                .retentionPeriod(FOURTEEN_DAYS);
    }

    Queue requests() {
        return requests;
    }

    Queue deadLetters() {
        return deadLetters;
    }

    Queue failedInvocations() {
        return failedInvocations;
    }

    Queue streamFailures() {
        return streamFailures;
    }
}
