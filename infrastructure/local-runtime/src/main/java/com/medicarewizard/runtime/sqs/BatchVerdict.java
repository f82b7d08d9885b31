package com.medicarewizard.runtime.sqs;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * What Lambda's SQS poller does with a batch once the function has answered: which messages it
 * deletes and which it leaves to become visible again.
 *
 * @param toDelete the messages the function handled
 * @param toRetry the messages left in the queue (visible again after the visibility timeout)
 * @param batchFailed whether the whole batch counted as failed
 */
record BatchVerdict(List<Message> toDelete, List<Message> toRetry, boolean batchFailed) {

    /** A thrown exception, a timeout or an unusable response: nothing is deleted. */
    static BatchVerdict failed(List<Message> batch) {
        return new BatchVerdict(List.of(), List.copyOf(batch), true);
    }

    /**
     * Applies the function's response as Lambda does: a null response or an empty list means
     * every message succeeded; an identifier that is null, empty or not a message of this batch
     * makes the whole batch a failure.
     */
    static BatchVerdict of(List<Message> batch, SQSBatchResponse response, boolean reportBatchItemFailures) {
        if (!reportBatchItemFailures || response == null || response.getBatchItemFailures() == null) {
            return new BatchVerdict(List.copyOf(batch), List.of(), false);
        }
        Set<String> inBatch = batch.stream().map(Message::messageId).collect(Collectors.toSet());
        Set<String> failed = new HashSet<>();
        for (SQSBatchResponse.BatchItemFailure failure : response.getBatchItemFailures()) {
            String id = failure == null ? null : failure.getItemIdentifier();
            if (id == null || id.isEmpty() || !inBatch.contains(id)) {
                return failed(batch);
            }
            failed.add(id);
        }
        return new BatchVerdict(
                batch.stream().filter(m -> !failed.contains(m.messageId())).toList(),
                batch.stream().filter(m -> failed.contains(m.messageId())).toList(),
                false);
    }
}
