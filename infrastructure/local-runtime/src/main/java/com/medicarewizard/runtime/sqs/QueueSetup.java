package com.medicarewizard.runtime.sqs;

import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * Creates a queue and its dead-letter queue with a redrive policy. Idempotent: run it on every
 * start; existing queues (restored from disk) are kept with their messages and get their
 * attributes set again, so a changed spec converges instead of failing.
 */
public final class QueueSetup {

    private final SqsClient sqs;

    public QueueSetup(SqsClient sqs) {
        this.sqs = sqs;
    }

    /** Creates (or finds) both queues and returns their URLs. */
    public QueueUrls create(QueueSpec spec) {
        String deadLetterUrl = createOrGet(spec.deadLetterQueueName());
        String deadLetterArn = sqs.getQueueAttributes(b -> b.queueUrl(deadLetterUrl)
                        .attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String queueUrl = createOrGet(spec.name());
        sqs.setQueueAttributes(b -> b.queueUrl(queueUrl).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT,
                Long.toString(spec.visibilityTimeout().toSeconds()),
                QueueAttributeName.REDRIVE_POLICY,
                redrivePolicy(deadLetterArn, spec.maxReceiveCount()))));
        return new QueueUrls(queueUrl, deadLetterUrl);
    }

    /** Whether both queues of the spec exist (an operator, or anyone, may have deleted one). */
    public boolean exists(QueueSpec spec) {
        try {
            sqs.getQueueUrl(b -> b.queueName(spec.name()));
            sqs.getQueueUrl(b -> b.queueName(spec.deadLetterQueueName()));
            return true;
        } catch (QueueDoesNotExistException absent) {
            return false;
        }
    }

    /**
     * Finds or creates a plain queue and returns its URL. Looks the queue up first: CreateQueue on
     * an existing queue fails in SQS when the attributes differ, and we set attributes separately anyway.
     */
    public String createOrGet(String name) {
        try {
            return sqs.getQueueUrl(b -> b.queueName(name)).queueUrl();
        } catch (QueueDoesNotExistException absent) {
            return sqs.createQueue(b -> b.queueName(name)).queueUrl();
        }
    }

    private static String redrivePolicy(String deadLetterArn, int maxReceiveCount) {
        return "{\"deadLetterTargetArn\":\"" + deadLetterArn
                + "\",\"maxReceiveCount\":\"" + maxReceiveCount + "\"}";
    }
}
