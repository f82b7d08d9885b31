package com.medicarewizard.runtime.stream;

import java.util.Objects;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * An SQS queue as on-failure destination, as the deployed stream mapping has: each batch given up
 * on is one message whose body is Lambda's invocation record ({@link FailedBatch#toJson()}).
 */
public final class SqsFailureDestination implements FailureDestination {
    private final SqsClient sqs;
    private final String queueUrl;

    /** Sends to {@code queueUrl} through {@code sqs} (the caller's, not closed here). */
    public SqsFailureDestination(SqsClient sqs, String queueUrl) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
    }

    @Override
    public void send(FailedBatch batch) {
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(batch.toJson().toString()));
    }
}
