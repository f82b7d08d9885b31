package com.medicarewizard.runtime.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.medicarewizard.adapter.embedded.table.ChangeStream;
import com.medicarewizard.adapter.embedded.table.StreamRecord;
import com.medicarewizard.runtime.stream.DynamodbEventAssembler;
import com.medicarewizard.runtime.stream.StreamRecordJson;
import com.medicarewizard.table.Item;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.OptionalLong;

/**
 * The DynamoDB Streams API on the embedded table's {@link ChangeStream}: one stream (the table's,
 * NEW_AND_OLD_IMAGES) with one open shard holding every retained record in commit order.
 *
 * <p>A shard iterator names the position after which it reads and when it was issued; like
 * DynamoDB's it expires after 15 minutes (ExpiredIteratorException), and one that points before
 * the oldest retained record — trimmed past the stream's 24 h, at the table's compaction —
 * answers TrimmedDataAccessException, as does asking for an iterator at a trimmed sequence number.
 */
record StreamsApi(ChangeStream stream, String table, String streamArn, String region, Clock clock) {

    static final Duration ITERATOR_LIFETIME = Duration.ofMinutes(15);
    private static final int MAX_RECORDS = 1000;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

    ObjectNode handle(String operation, JsonNode request) {
        return switch (operation) {
            case "ListStreams" -> listStreams(request);
            case "DescribeStream" -> describeStream(request);
            case "GetShardIterator" -> getShardIterator(request);
            case "GetRecords" -> getRecords(request);
            default -> throw WireError.unknownOperation("DynamoDBStreams_20120810." + operation);
        };
    }

    private ObjectNode listStreams(JsonNode request) {
        String tableName = TableApi.text(request, "TableName");
        ObjectNode answer = JSON.objectNode();
        ArrayNode streams = answer.putArray("Streams");
        if (tableName == null || tableName.equals(table)) {
            streams.addObject().put("StreamArn", streamArn).put("TableName", table)
                    .put("StreamLabel", DynamodbEventAssembler.STREAM_LABEL);
        }
        return answer;
    }

    private ObjectNode describeStream(JsonNode request) {
        requireStream(TableApi.text(request, "StreamArn"));
        ObjectNode description = JSON.objectNode();
        description.put("StreamArn", streamArn);
        description.put("StreamLabel", DynamodbEventAssembler.STREAM_LABEL);
        description.put("StreamStatus", "ENABLED");
        description.put("StreamViewType", "NEW_AND_OLD_IMAGES");
        description.put("CreationRequestDateTime", CREATED.getEpochSecond());
        description.put("TableName", table);
        description.set("KeySchema", TableApi.keySchema(Item.PK, Item.SK));
        long first = stream.oldestRetainedSequence().orElse(stream.latestSequence() + 1);
        description.putArray("Shards").addObject().put("ShardId", StreamRecordJson.SHARD_ID)
                .putObject("SequenceNumberRange")
                .put("StartingSequenceNumber", StreamRecordJson.sequenceNumber(first));
        ObjectNode answer = JSON.objectNode();
        answer.set("StreamDescription", description);
        return answer;
    }

    private ObjectNode getShardIterator(JsonNode request) {
        requireStream(TableApi.text(request, "StreamArn"));
        requireShard(TableApi.text(request, "ShardId"));
        String type = String.valueOf(TableApi.text(request, "ShardIteratorType"));
        long after = switch (type) {
            case "TRIM_HORIZON" -> stream.oldestRetainedSequence().orElse(stream.latestSequence() + 1) - 1;
            case "LATEST" -> stream.latestSequence();
            case "AT_SEQUENCE_NUMBER" -> atRetained(sequence(request)) - 1;
            case "AFTER_SEQUENCE_NUMBER" -> atRetained(sequence(request));
            default -> throw WireError.validation("1 validation error detected: Value '" + type + "' at "
                    + "'shardIteratorType' failed to satisfy constraint: Member must satisfy enum value set: "
                    + "[AFTER_SEQUENCE_NUMBER, AT_SEQUENCE_NUMBER, TRIM_HORIZON, LATEST]");
        };
        return JSON.objectNode().put("ShardIterator", iterator(after));
    }

    /** A sequence number still in the shard: trimmed ones and ones not yet written are refused. */
    private long atRetained(long sequence) {
        OptionalLong oldest = stream.oldestRetainedSequence();
        if (sequence > stream.latestSequence()) {
            throw WireError.validation("Invalid SequenceNumber " + StreamRecordJson.sequenceNumber(sequence)
                    + ": beyond the last record of shard " + StreamRecordJson.SHARD_ID);
        }
        if (oldest.isEmpty() || sequence < oldest.getAsLong()) {
            throw trimmed();
        }
        return sequence;
    }

    private static long sequence(JsonNode request) {
        String text = TableApi.text(request, "SequenceNumber");
        try {
            return Long.parseLong(String.valueOf(text));
        } catch (NumberFormatException e) {
            throw WireError.validation("Invalid SequenceNumber: " + text);
        }
    }

    private ObjectNode getRecords(JsonNode request) {
        long after = position(TableApi.text(request, "ShardIterator"));
        int limit = request.path("Limit").asInt(MAX_RECORDS);
        if (limit < 1 || limit > MAX_RECORDS) {
            throw WireError.validation("1 validation error detected: Value '" + limit + "' at 'limit' failed to "
                    + "satisfy constraint: Member must have value less than or equal to 1000");
        }
        OptionalLong oldest = stream.oldestRetainedSequence();
        boolean missed = oldest.isPresent() ? after + 1 < oldest.getAsLong() : after < stream.latestSequence();
        if (missed) {
            throw trimmed();
        }
        List<StreamRecord> records = stream.read(after, limit);
        ObjectNode answer = JSON.objectNode();
        ArrayNode array = answer.putArray("Records");
        records.forEach(r -> array.add(StreamRecordJson.streamsApi(r, region)));
        long next = records.isEmpty() ? after : records.getLast().sequenceNumber();
        answer.put("NextShardIterator", iterator(next));
        return answer;
    }

    private static WireError trimmed() {
        return WireError.of("TrimmedDataAccessException", "The operation attempted to read past the oldest stream "
                + "record in a shard.");
    }

    /** An iterator: the stream, the position after which it reads, and when it was issued. */
    private String iterator(long after) {
        String state = streamArn + "|" + StreamRecordJson.SHARD_ID + "|" + after + "|" + clock.millis();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(state.getBytes(StandardCharsets.UTF_8));
    }

    private long position(String iterator) {
        if (iterator == null) {
            throw WireError.validation("1 validation error detected: Value null at 'shardIterator' failed to "
                    + "satisfy constraint: Member must not be null");
        }
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(iterator), StandardCharsets.UTF_8).split("\\|");
        } catch (IllegalArgumentException e) {
            throw WireError.validation("Invalid ShardIterator");
        }
        if (parts.length != 4 || !parts[0].equals(streamArn) || !parts[1].equals(StreamRecordJson.SHARD_ID)) {
            throw WireError.validation("Invalid ShardIterator");
        }
        try {
            long issued = Long.parseLong(parts[3]);
            if (clock.millis() - issued > ITERATOR_LIFETIME.toMillis()) {
                throw WireError.of("ExpiredIteratorException", "Iterator expired. The iterator was created at time "
                        + Instant.ofEpochMilli(issued) + " while right now it is " + clock.instant()
                        + " which is further in the future than the tolerated delay of "
                        + ITERATOR_LIFETIME.toMillis() + " milliseconds.");
            }
            return Long.parseLong(parts[2]);
        } catch (NumberFormatException e) {
            throw WireError.validation("Invalid ShardIterator");
        }
    }

    private void requireStream(String arn) {
        if (!streamArn.equals(arn)) {
            throw WireError.resourceNotFound("Requested resource not found: Stream: " + arn + " not found");
        }
    }

    private static void requireShard(String shardId) {
        if (!StreamRecordJson.SHARD_ID.equals(shardId)) {
            throw WireError.resourceNotFound("Requested resource not found: Shard: " + shardId + " not found");
        }
    }
}
