package com.medicarewizard.runtime.sqs;

/**
 * The URLs of a queue and of its dead-letter queue.
 *
 * @param queueUrl the queue the consumer reads
 * @param deadLetterQueueUrl where the redrive policy parks messages received too often
 */
public record QueueUrls(String queueUrl, String deadLetterQueueUrl) {

    /** The queue's name, the last segment of its URL. */
    public String queueName() {
        return nameOf(queueUrl);
    }

    static String nameOf(String queueUrl) {
        return queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
    }
}
