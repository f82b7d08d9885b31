package com.medicarewizard.runtime.sqs;

import java.time.Duration;
import java.util.Objects;

/**
 * A standard queue with its dead-letter queue, as {@code infrastructure/} declares them in AWS.
 *
 * @param name the queue name
 * @param visibilityTimeout how long a received message stays invisible (whole seconds, ≤ 12 h)
 * @param maxReceiveCount receives after which the redrive policy moves a message to the DLQ
 * @param deadLetterQueueName the name of the dead-letter queue
 */
public record QueueSpec(String name, Duration visibilityTimeout, int maxReceiveCount,
                        String deadLetterQueueName) {

    public QueueSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(deadLetterQueueName, "deadLetterQueueName");
        if (visibilityTimeout.isNegative() || visibilityTimeout.toSeconds() > 43_200) {
            throw new IllegalArgumentException("visibility timeout must be within 0..12 h");
        }
        if (maxReceiveCount < 1 || maxReceiveCount > 1000) {
            throw new IllegalArgumentException("maxReceiveCount must be within 1..1000");
        }
    }
}
