package com.medicarewizard.adapter.embedded.table;

import com.medicarewizard.table.Item;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * Journal and snapshot lines as JSON, one object per line. Item values map one-to-one onto
 * JSON types (string, integral number, boolean, array of strings), so an item is a plain
 * JSON object. Each line ends with a tab and the CRC32C of the JSON before it, in hex (a tab
 * never occurs in Jackson's compact output: inside strings it is escaped). A commit line:
 * <pre>{"type":"commit","time":"2025-01-01T10:00:00.123Z","records":[
 *   {"seq":7,"event":"MODIFY","old":{"pk":"a","sk":"b","n":1},"new":{"pk":"a","sk":"b","n":2}}]}&#9;6f1c2a0b</pre>
 * Lines written before checksums existed (no tab) still parse; see {@link #hasChecksum}.
 */
final class JournalCodec {

    private static final int CHECKSUM_LENGTH = 8;

    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonFactory factory = mapper.getFactory();

    byte[] commit(Instant time, List<StreamRecord> records) {
        return line(g -> {
            g.writeStringField("type", "commit");
            g.writeStringField("time", time.toString());
            g.writeArrayFieldStart("records");
            for (StreamRecord record : records) {
                g.writeStartObject();
                writeRecord(g, record);
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    byte[] checkpoint(String consumer, long sequence) {
        return line(g -> {
            g.writeStringField("type", "checkpoint");
            g.writeStringField("consumer", consumer);
            g.writeNumberField("seq", sequence);
        });
    }

    byte[] snapshotHeader(long latestSequence, Map<String, Long> checkpoints) {
        return line(g -> {
            g.writeStringField("type", "snapshot");
            g.writeNumberField("format", 1);
            g.writeNumberField("latestSeq", latestSequence);
            g.writeObjectFieldStart("checkpoints");
            for (Map.Entry<String, Long> checkpoint : checkpoints.entrySet()) {
                g.writeNumberField(checkpoint.getKey(), checkpoint.getValue());
            }
            g.writeEndObject();
        });
    }

    byte[] snapshotItem(Item item) {
        return line(g -> {
            g.writeStringField("type", "item");
            g.writeFieldName("item");
            writeItem(g, item);
        });
    }

    byte[] snapshotRecord(StreamRecord record) {
        return line(g -> {
            g.writeStringField("type", "record");
            g.writeStringField("time", record.approximateCreationTime().toString());
            writeRecord(g, record);
        });
    }

    byte[] snapshotEnd(long items, long records) {
        return line(g -> {
            g.writeStringField("type", "end");
            g.writeNumberField("items", items);
            g.writeNumberField("records", records);
        });
    }

    /** Whether the line (without its newline) carries a checksum; older journals' lines do not. */
    static boolean hasChecksum(byte[] bytes, int length) {
        return length > CHECKSUM_LENGTH && bytes[length - CHECKSUM_LENGTH - 1] == '\t';
    }

    /** Decodes one line (without its newline); a checksum mismatch or malformed content is an {@link IOException}. */
    JournalEntry parse(byte[] bytes, int length) throws IOException {
        int json = length;
        if (hasChecksum(bytes, length)) {
            json = length - CHECKSUM_LENGTH - 1;
            String stored = new String(bytes, json + 1, CHECKSUM_LENGTH, StandardCharsets.US_ASCII);
            if (!stored.equals(checksum(bytes, json))) {
                throw new IOException("checksum mismatch");
            }
        }
        JsonNode node = mapper.readTree(bytes, 0, json);
        if (node == null || !node.isObject()) {
            throw new IOException("not a JSON object");
        }
        try {
            return switch (text(node, "type")) {
                case "commit" -> commit(node);
                case "checkpoint" -> new JournalEntry.Checkpoint(text(node, "consumer"), number(node, "seq"));
                case "snapshot" -> snapshotHeader(node);
                case "item" -> new JournalEntry.SnapshotItem(readItem(node.get("item")));
                case "record" -> new JournalEntry.SnapshotRecord(readRecord(node, Instant.parse(text(node, "time"))));
                case "end" -> new JournalEntry.SnapshotEnd(number(node, "items"), number(node, "records"));
                default -> throw new IOException("unknown line type " + node.get("type"));
            };
        } catch (RuntimeException e) {
            throw new IOException("malformed line: " + e.getMessage(), e);
        }
    }

    private JournalEntry commit(JsonNode node) throws IOException {
        Instant time = Instant.parse(text(node, "time"));
        List<StreamRecord> records = new ArrayList<>();
        for (JsonNode record : node.path("records")) {
            records.add(readRecord(record, time));
        }
        if (records.isEmpty()) {
            throw new IOException("commit without records");
        }
        return new JournalEntry.Commit(List.copyOf(records));
    }

    private JournalEntry snapshotHeader(JsonNode node) throws IOException {
        Map<String, Long> checkpoints = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> checkpoint : node.path("checkpoints").properties()) {
            checkpoints.put(checkpoint.getKey(), checkpoint.getValue().longValue());
        }
        return new JournalEntry.SnapshotHeader(number(node, "latestSeq"), checkpoints);
    }

    private StreamRecord readRecord(JsonNode node, Instant time) throws IOException {
        Optional<Item> oldImage = node.has("old") ? Optional.of(readItem(node.get("old"))) : Optional.empty();
        Optional<Item> newImage = node.has("new") ? Optional.of(readItem(node.get("new"))) : Optional.empty();
        StreamRecord record = StreamRecord.of(number(node, "seq"), oldImage, newImage, time,
                node.path("ttl").asBoolean(false));
        if (!record.eventName().equals(text(node, "event"))) {
            throw new IOException("event name does not match the images at seq " + record.sequenceNumber());
        }
        return record;
    }

    private static Item readItem(JsonNode node) throws IOException {
        if (node == null || !node.isObject()) {
            throw new IOException("item is not a JSON object");
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> attribute : node.properties()) {
            attributes.put(attribute.getKey(), readValue(attribute.getValue()));
        }
        return Item.of(attributes);
    }

    private static Object readValue(JsonNode value) throws IOException {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isArray()) {
            List<String> strings = new ArrayList<>(value.size());
            for (JsonNode element : value) {
                if (!element.isTextual()) {
                    throw new IOException("list element is not a string");
                }
                strings.add(element.textValue());
            }
            return strings;
        }
        throw new IOException("unsupported attribute value " + value);
    }

    private static void writeRecord(JsonGenerator g, StreamRecord record) throws IOException {
        g.writeNumberField("seq", record.sequenceNumber());
        g.writeStringField("event", record.eventName());
        if (record.oldImage().isPresent()) {
            g.writeFieldName("old");
            writeItem(g, record.oldImage().get());
        }
        if (record.newImage().isPresent()) {
            g.writeFieldName("new");
            writeItem(g, record.newImage().get());
        }
        if (record.byTimeToLive()) {
            g.writeBooleanField("ttl", true);
        }
    }

    private static void writeItem(JsonGenerator g, Item item) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, Object> attribute : item.attributes().entrySet()) {
            g.writeFieldName(attribute.getKey());
            switch (attribute.getValue()) {
                case String s -> g.writeString(s);
                case Long l -> g.writeNumber(l);
                case Boolean b -> g.writeBoolean(b);
                case List<?> list -> {
                    g.writeStartArray();
                    for (Object element : list) {
                        g.writeString((String) element);
                    }
                    g.writeEndArray();
                }
                default -> throw new IllegalStateException("unsupported value in " + item.key());
            }
        }
        g.writeEndObject();
    }

    private static String text(JsonNode node, String field) throws IOException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IOException("missing text field " + field);
        }
        return value.textValue();
    }

    private static long number(JsonNode node, String field) throws IOException {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber()) {
            throw new IOException("missing number field " + field);
        }
        return value.longValue();
    }

    private interface Body {
        void write(JsonGenerator generator) throws IOException;
    }

    private byte[] line(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.writeStartObject();
            body.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] json = out.toByteArray();
        byte[] line = Arrays.copyOf(json, json.length + CHECKSUM_LENGTH + 2);
        line[json.length] = '\t';
        System.arraycopy(checksum(json, json.length).getBytes(StandardCharsets.US_ASCII), 0, line, json.length + 1,
                CHECKSUM_LENGTH);
        line[line.length - 1] = '\n';
        return line;
    }

    private static String checksum(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return HexFormat.of().toHexDigits((int) crc.getValue());
    }
}
