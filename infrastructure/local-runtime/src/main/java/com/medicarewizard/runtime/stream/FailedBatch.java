package com.medicarewizard.runtime.stream;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.medicarewizard.adapter.embedded.table.StreamRecord;
import com.medicarewizard.runtime.sqs.EmbeddedSqsServer;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Stream records a mapping gave up on, as Lambda describes them to an on-failure destination: not
 * the records (they may hold personal data) but where they are in the stream, why
 * ({@code RetryAttemptsExhausted}, {@code RecordAgeExceeded}) and after how many invocations.
 *
 * @param records the records given up on, in order
 * @param condition why
 * @param invokeCount how many times they were given to the function
 * @param functionError whether the last invocation failed as a whole (thrown, timed out) rather
 *     than reporting batch item failures
 * @param functionName the function's name
 * @param at when
 * @param streamArn the stream they are in
 */
public record FailedBatch(List<StreamRecord> records, String condition, int invokeCount, boolean functionError,
                          String functionName, Instant at, String streamArn) {

    public FailedBatch {
        records = List.copyOf(records);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("a failed batch has records");
        }
    }

    /** Lambda's invocation record for a DynamoDB stream (SQS and SNS destinations). */
    public ObjectNode toJson() {
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.putObject("requestContext").put("requestId", UUID.randomUUID().toString())
                .put("functionArn", "arn:aws:lambda:" + EmbeddedSqsServer.REGION + ":" + EmbeddedSqsServer.ACCOUNT_ID
                        + ":function:" + functionName)
                .put("condition", condition).put("approximateInvokeCount", invokeCount);
        ObjectNode response = entry.putObject("responseContext").put("statusCode", 200)
                .put("executedVersion", "$LATEST");
        if (functionError) {
            response.put("functionError", "Unhandled");
        }
        entry.put("version", "1.0");
        entry.put("timestamp", at.truncatedTo(ChronoUnit.MILLIS).toString());
        entry.putObject("DDBStreamBatchInfo")
                .put("shardId", StreamRecordJson.SHARD_ID)
                .put("startSequenceNumber", StreamRecordJson.sequenceNumber(records.getFirst().sequenceNumber()))
                .put("endSequenceNumber", StreamRecordJson.sequenceNumber(records.getLast().sequenceNumber()))
                .put("approximateArrivalOfFirstRecord", arrival(records.getFirst()))
                .put("approximateArrivalOfLastRecord", arrival(records.getLast()))
                .put("batchSize", records.size())
                .put("streamArn", streamArn);
        return entry;
    }

    private static String arrival(StreamRecord record) {
        return record.approximateCreationTime().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
