package com.medicarewizard.runtime.stream;

/**
 * Where a stream mapping sends what it gave up on: a file for operators in the embedded runtime
 * ({@link OnFailureDestination}), an SQS queue as the deployed mapping does ({@link SqsFailureDestination}).
 */
public interface FailureDestination {

    void send(FailedBatch batch);
}
