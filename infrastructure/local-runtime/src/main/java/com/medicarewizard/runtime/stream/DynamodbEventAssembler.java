package com.medicarewizard.runtime.stream;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.medicarewizard.adapter.embedded.table.StreamRecord;
import com.medicarewizard.runtime.sqs.EmbeddedSqsServer;

import java.util.List;
import java.util.Objects;

/**
 * Turns change stream records into the {@link DynamodbEvent} a handler gets on Lambda: first the
 * JSON Lambda's stream poller produces (DynamoDB's attribute-value shape, NEW_AND_OLD_IMAGES, see
 * {@link StreamRecordJson}), then deserialized with Lambda's own serializer, so field names and
 * types come out as in AWS.
 */
public final class DynamodbEventAssembler {
    private static final String TABLE = "medicarewizard";
    /** The stream's label, fixed as the stream of a table created once. */
    public static final String STREAM_LABEL = "2026-01-01T00:00:00.000";
    private final ObjectMapper json = new ObjectMapper();
    private final PojoSerializer<DynamodbEvent> serializer =
            LambdaEventSerializers.serializerFor(DynamodbEvent.class, DynamodbEvent.class.getClassLoader());
    private final String region;
    private final String streamArn;

    /** For the embedded table's stream. */
    public DynamodbEventAssembler() {
        this(EmbeddedSqsServer.REGION, streamArn());
    }

    /** For the stream {@code streamArn} in {@code region} (as read through the Streams API). */
    public DynamodbEventAssembler(String region, String streamArn) {
        this.region = Objects.requireNonNull(region, "region");
        this.streamArn = Objects.requireNonNull(streamArn, "streamArn");
    }

    public DynamodbEvent assemble(List<StreamRecord> records) {
        return serializer.fromJson(toJson(records));
    }

    public String toJson(List<StreamRecord> records) {
        ObjectNode event = json.createObjectNode();
        ArrayNode array = event.putArray("Records");
        records.forEach(r -> array.add(StreamRecordJson.lambda(r, region, streamArn)));
        return event.toString();
    }

    /** The stream this assembler's records come from. */
    public String eventSourceArn() {
        return streamArn;
    }

    /** The embedded table's stream. */
    public static String streamArn() {
        return streamArn(EmbeddedSqsServer.REGION, TABLE);
    }

    /** The stream of table {@code table}, as DynamoDB names it. */
    public static String streamArn(String region, String table) {
        return "arn:aws:dynamodb:" + region + ":" + EmbeddedSqsServer.ACCOUNT_ID + ":table/" + table + "/stream/"
                + STREAM_LABEL;
    }

    /** Sequence numbers are decimal strings in DynamoDB streams, zero-padded to keep them sortable. */
    public static String sequenceNumber(long sequence) {
        return StreamRecordJson.sequenceNumber(sequence);
    }
}
