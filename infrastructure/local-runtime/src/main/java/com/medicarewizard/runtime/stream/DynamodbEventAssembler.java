package com.medicarewizard.runtime.stream;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.medicarewizard.table.Item;
import com.medicarewizard.adapter.embedded.table.StreamRecord;
import com.medicarewizard.runtime.sqs.EmbeddedSqsServer;

import java.util.List;
import java.util.Map;

/**
 * Turns change stream records into the {@link DynamodbEvent} a handler gets on Lambda: first the
 * JSON Lambda's stream poller produces (DynamoDB's attribute-value shape, NEW_AND_OLD_IMAGES), then
 * deserialized with Lambda's own serializer, so field names and types come out as in AWS.
 */
public final class DynamodbEventAssembler {
    private static final String TABLE = "medicarewizard";
    /** The stream's label, fixed as the stream of a table created once. */
    private static final String STREAM_LABEL = "2026-01-01T00:00:00.000";
    private final ObjectMapper json = new ObjectMapper();
    private final PojoSerializer<DynamodbEvent> serializer =
            LambdaEventSerializers.serializerFor(DynamodbEvent.class, DynamodbEvent.class.getClassLoader());

    public DynamodbEvent assemble(List<StreamRecord> records) {
        return serializer.fromJson(toJson(records));
    }

    public String toJson(List<StreamRecord> records) {
        ObjectNode event = json.createObjectNode();
        ArrayNode array = event.putArray("Records");
        records.forEach(r -> array.add(record(r)));
        return event.toString();
    }

    public static String streamArn() {
        return "arn:aws:dynamodb:" + EmbeddedSqsServer.REGION + ":" + EmbeddedSqsServer.ACCOUNT_ID + ":table/"
                + TABLE + "/stream/" + STREAM_LABEL;
    }

    /** Sequence numbers are decimal strings in DynamoDB streams, zero-padded to keep them sortable. */
    public static String sequenceNumber(long sequence) {
        return String.format("%021d", sequence);
    }

    private ObjectNode record(StreamRecord r) {
        ObjectNode record = json.createObjectNode();
        record.put("eventID", Long.toHexString(r.sequenceNumber()) + "-" + Integer.toHexString(r.keys().hashCode()));
        record.put("eventName", r.eventName());
        record.put("eventVersion", "1.1");
        record.put("eventSource", "aws:dynamodb");
        record.put("awsRegion", EmbeddedSqsServer.REGION);
        if (r.byTimeToLive()) {
            // how DynamoDB marks its own deletion of an expired item
            record.putObject("userIdentity").put("type", "Service").put("principalId", "dynamodb.amazonaws.com");
        }
        ObjectNode dynamodb = record.putObject("dynamodb");
        dynamodb.put("ApproximateCreationDateTime", r.approximateCreationTime().getEpochSecond());
        ObjectNode keys = dynamodb.putObject("Keys");
        keys.putObject(Item.PK).put("S", r.keys().pk());
        keys.putObject(Item.SK).put("S", r.keys().sk());
        r.newImage().ifPresent(image -> dynamodb.set("NewImage", image(image)));
        r.oldImage().ifPresent(image -> dynamodb.set("OldImage", image(image)));
        dynamodb.put("SequenceNumber", sequenceNumber(r.sequenceNumber()));
        dynamodb.put("SizeBytes", sizeOf(r));
        dynamodb.put("StreamViewType", "NEW_AND_OLD_IMAGES");
        record.put("eventSourceARN", streamArn());
        return record;
    }

    private ObjectNode image(Item item) {
        ObjectNode image = json.createObjectNode();
        for (Map.Entry<String, Object> attribute : item.attributes().entrySet()) {
            image.set(attribute.getKey(), value(attribute.getValue()));
        }
        return image;
    }

    private ObjectNode value(Object value) {
        ObjectNode node = json.createObjectNode();
        switch (value) {
            case String s -> node.put("S", s);
            case Long l -> node.put("N", Long.toString(l));
            case Boolean b -> node.put("BOOL", b);
            case List<?> list -> {
                ArrayNode l = node.putArray("L");
                list.forEach(element -> l.addObject().put("S", (String) element));
            }
            default -> throw new IllegalStateException("unsupported attribute value " + value.getClass());
        }
        return node;
    }

    private static int sizeOf(StreamRecord r) {
        return r.newImage().map(i -> i.attributes().toString().length()).orElse(0)
                + r.oldImage().map(i -> i.attributes().toString().length()).orElse(0);
    }
}
