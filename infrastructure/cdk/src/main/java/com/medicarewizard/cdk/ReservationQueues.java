package com.medicarewizard.cdk;

import com.medicarewizard.functions.FunctionSpecs;
import com.medicarewizard.functions.QueueSource;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * The reservation queue (standard, see docs/adr/0005) with the visibility timeout and the
 * dead-letter queue after the receives of {@link FunctionSpecs#ALLOCATOR}, and the queues where
 * failed invocations and stream records the notifier gave up on wait for operators. All keep
 * messages 14 days, SQS-managed encryption.
 */
final class ReservationQueues extends Construct {

    private static final Duration FOURTEEN_DAYS = Duration.days(14);

    private final Queue requests;
    private final Queue deadLetters;
    private final Queue failedInvocations;
    private final Queue streamFailures;

    ReservationQueues(Construct scope, String id) {
        super(scope, id);
        deadLetters = queue("DeadLetters").build();
        QueueSource spec = FunctionSpecs.ALLOCATOR.queue();
        requests = queue("Requests")
                .visibilityTimeout(Durations.of(spec.visibilityTimeout().aws()))
                .deadLetterQueue(DeadLetterQueue.builder().queue(deadLetters).maxReceiveCount(spec.maxReceiveCount()).build())
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
