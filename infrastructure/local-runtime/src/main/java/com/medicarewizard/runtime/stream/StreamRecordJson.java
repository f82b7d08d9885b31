package com.medicarewizard.runtime.stream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.medicarewizard.adapter.embedded.table.StreamRecord;
import com.medicarewizard.table.Item;

import java.util.List;
import java.util.Map;

/**
 * A change stream record as DynamoDB Streams' JSON: written once for the two places it is read,
 * the Streams API's GetRecords (the wire endpoint) and the event Lambda's stream poller gives a
 * function ({@link DynamodbEventAssembler}). They differ in two details only, which AWS's own
 * models fix: the Streams API names the identity of a TTL deletion {@code Type}/{@code PrincipalId},
 * Lambda's event {@code type}/{@code principalId}; and Lambda adds the {@code eventSourceARN}.
 */
public final class StreamRecordJson {

    /** The one shard of an embedded table's stream (and of the wire endpoint's). */
    public static final String SHARD_ID = "shardId-00000000000000000000-local";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private StreamRecordJson() {
    }

    /** A record of GetRecords' answer. */
    public static ObjectNode streamsApi(StreamRecord r, String region) {
        ObjectNode record = common(r, region);
        if (r.byTimeToLive()) {
            record.putObject("userIdentity").put("Type", "Service").put("PrincipalId", "dynamodb.amazonaws.com");
        }
        return record;
    }

    /** A record of the {@code DynamodbEvent} Lambda gives a function. */
    public static ObjectNode lambda(StreamRecord r, String region, String streamArn) {
        ObjectNode record = common(r, region);
        if (r.byTimeToLive()) {
            // how DynamoDB marks its own deletion of an expired item
            record.putObject("userIdentity").put("type", "Service").put("principalId", "dynamodb.amazonaws.com");
        }
        record.put("eventSourceARN", streamArn);
        return record;
    }

    /** Sequence numbers are decimal strings in DynamoDB streams, zero-padded to keep them sortable. */
    public static String sequenceNumber(long sequence) {
        return String.format("%021d", sequence);
    }

    /** An item in DynamoDB's attribute-value JSON. */
    public static ObjectNode image(Item item) {
        ObjectNode image = JSON.objectNode();
        for (Map.Entry<String, Object> attribute : item.attributes().entrySet()) {
            image.set(attribute.getKey(), value(attribute.getValue()));
        }
        return image;
    }

    /** One value of an {@link Item} in DynamoDB's attribute-value JSON. */
    public static ObjectNode value(Object value) {
        ObjectNode node = JSON.objectNode();
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

    private static ObjectNode common(StreamRecord r, String region) {
        ObjectNode record = JSON.objectNode();
        record.put("eventID", Long.toHexString(r.sequenceNumber()) + "-" + Integer.toHexString(r.keys().hashCode()));
        record.put("eventName", r.eventName());
        record.put("eventVersion", "1.1");
        record.put("eventSource", "aws:dynamodb");
        record.put("awsRegion", region);
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
        return record;
    }

    /** The images' sizes as DynamoDB counts an item's (names and values), not their text written out for the purpose. */
    private static int sizeOf(StreamRecord r) {
        return r.newImage().map(Item::sizeBytes).orElse(0) + r.oldImage().map(Item::sizeBytes).orElse(0);
    }
}
