package com.medicarewizard.runtime.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.medicarewizard.adapter.embedded.JsonLines;
import com.medicarewizard.adapter.embedded.table.StreamRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Where the mapping sends the records it gave up on, as Lambda sends an invocation record to an
 * SQS queue or SNS topic: not the records themselves (they may hold personal data) but where they
 * are in the stream, why and after how many attempts. One JSON line each, kept on disk for
 * operators.
 */
public final class OnFailureDestination {
    private final JsonLines lines;

    public OnFailureDestination(Path file) {
        this.lines = new JsonLines(file);
    }

    void send(List<StreamRecord> batch, String condition, int invokeCount, String functionName, Instant now) {
        ObjectNode entry = JsonLines.object();
        entry.putObject("requestContext").put("condition", condition).put("approximateInvokeCount", invokeCount)
                .put("functionArn", "function:" + functionName);
        entry.put("timestamp", now.toString());
        entry.putObject("DDBStreamBatchInfo")
                .put("shardId", "shardId-00000000000000000000-local")
                .put("startSequenceNumber", DynamodbEventAssembler.sequenceNumber(batch.getFirst().sequenceNumber()))
                .put("endSequenceNumber", DynamodbEventAssembler.sequenceNumber(batch.getLast().sequenceNumber()))
                .put("approximateArrivalOfFirstRecord", batch.getFirst().approximateCreationTime().toString())
                .put("approximateArrivalOfLastRecord", batch.getLast().approximateCreationTime().toString())
                .put("batchSize", batch.size())
                .put("streamArn", DynamodbEventAssembler.streamArn());
        try {
            lines.append(entry);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the on-failure destination", e);
        }
    }

    /** What was sent here, oldest first. */
    public List<JsonNode> entries() {
        return lines.read();
    }
}
