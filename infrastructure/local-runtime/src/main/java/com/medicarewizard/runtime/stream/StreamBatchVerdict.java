package com.medicarewizard.runtime.stream;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.medicarewizard.adapter.embedded.table.StreamRecord;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What Lambda's stream poller makes of the function's answer: how many records at the head of the
 * batch are done (checkpointed), and whether the batch failed. With batch item failures the
 * checkpoint is just before the lowest reported sequence number; an identifier that is null,
 * empty or not of this batch fails the whole batch, as an exception does.
 *
 * @param done records at the head of the batch that are done
 * @param failed whether the rest (from {@code done} on) failed and must come again
 * @param wholeBatch whether the failure was the function's error (thrown, timed out, bad answer)
 */
record StreamBatchVerdict(int done, boolean failed, boolean wholeBatch) {

    static StreamBatchVerdict functionError() {
        return new StreamBatchVerdict(0, true, true);
    }

    static StreamBatchVerdict of(List<StreamRecord> batch, StreamsEventResponse response) {
        if (response == null || response.getBatchItemFailures() == null || response.getBatchItemFailures().isEmpty()) {
            return new StreamBatchVerdict(batch.size(), false, false);
        }
        Map<String, Integer> positions = java.util.stream.IntStream.range(0, batch.size()).boxed()
                .collect(Collectors.toMap(i -> DynamodbEventAssembler.sequenceNumber(batch.get(i).sequenceNumber()),
                        Function.identity()));
        OptionalInt first = OptionalInt.empty();
        for (StreamsEventResponse.BatchItemFailure failure : response.getBatchItemFailures()) {
            String id = failure == null ? null : failure.getItemIdentifier();
            Integer at = id == null ? null : positions.get(id);
            if (at == null) {
                return functionError();
            }
            first = first.isEmpty() || at < first.getAsInt() ? OptionalInt.of(at) : first;
        }
        return new StreamBatchVerdict(first.getAsInt(), true, false);
    }
}
