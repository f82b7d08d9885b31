package com.medicarewizard.runtime.sqs;

import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The operator figures of a queue and of its dead-letter queue, read with GetQueueAttributes as
 * one would read them from SQS.
 *
 * @param queue the counts of the queue
 * @param deadLetterQueue the counts of its dead-letter queue
 */
public record QueueFigures(QueueCounts queue, QueueCounts deadLetterQueue) {

    /** Reads both queues' approximate counts now. */
    public static QueueFigures read(SqsClient sqs, QueueUrls urls) {
        return new QueueFigures(counts(sqs, urls.queueUrl()), counts(sqs, urls.deadLetterQueueUrl()));
    }

    /** Reads one queue's approximate counts now. */
    public static QueueCounts counts(SqsClient sqs, String queueUrl) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b
                .queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED))
                .attributes();
        return new QueueCounts(
                count(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES),
                count(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE),
                count(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED));
    }

    private static long count(Map<QueueAttributeName, String> attributes, QueueAttributeName name) {
        return Long.parseLong(attributes.getOrDefault(name, "0"));
    }
}
