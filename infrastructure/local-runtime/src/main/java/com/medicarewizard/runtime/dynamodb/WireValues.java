package com.medicarewizard.runtime.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.medicarewizard.runtime.stream.StreamRecordJson;
import com.medicarewizard.table.Item;
import com.medicarewizard.table.Key;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DynamoDB's attribute-value JSON to the values an {@link Item} holds and back: {@code S},
 * {@code N} (integers: the table stores longs), {@code BOOL} and an {@code L} of {@code S} — what
 * the adapters write. Any other type is refused with a ValidationException that says so, rather
 * than stored as something it is not.
 */
final class WireValues {

    private WireValues() {
    }

    static Object value(String name, JsonNode node) {
        if (node == null || !node.isObject() || node.size() != 1) {
            throw WireError.validation("Supplied AttributeValue has more than one datatypes set, must contain "
                    + "exactly one of the supported datatypes (attribute " + name + ")");
        }
        String type = node.fieldNames().next();
        JsonNode value = node.get(type);
        return switch (type) {
            case "S" -> text(name, value);
            case "N" -> number(name, text(name, value));
            case "BOOL" -> {
                if (!value.isBoolean()) {
                    throw WireError.validation("BOOL of attribute " + name + " is not a boolean");
                }
                yield value.booleanValue();
            }
            case "L" -> {
                if (!value.isArray()) {
                    throw WireError.validation("L of attribute " + name + " is not a list");
                }
                List<String> strings = new ArrayList<>(value.size());
                for (JsonNode element : value) {
                    if (!(value(name, element) instanceof String s)) {
                        throw unsupported(name, "a list element that is not S");
                    }
                    strings.add(s);
                }
                yield List.copyOf(strings);
            }
            default -> throw unsupported(name, "type " + type);
        };
    }

    private static String text(String name, JsonNode value) {
        if (value == null || !value.isTextual()) {
            throw WireError.validation("The value of attribute " + name + " must be a string");
        }
        return value.textValue();
    }

    private static Long number(String name, String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw unsupported(name, "the number " + text + " (the table stores integers of 64 bits)");
        }
    }

    private static WireError unsupported(String name, String what) {
        return WireError.validation("This endpoint does not store " + what + " (attribute " + name
                + "): it serves S, N (integers), BOOL and L of S, what the adapters write");
    }

    /** A whole item; it must hold string keys {@code pk} and {@code sk}. */
    static Item item(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw WireError.validation("Item must be a map of attribute values");
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        node.properties().forEach(e -> attributes.put(e.getKey(), value(e.getKey(), e.getValue())));
        if (!(attributes.get(Item.PK) instanceof String) || !(attributes.get(Item.SK) instanceof String)) {
            throw WireError.validation("One or more parameter values were invalid: Missing the key pk or sk in the item"
                    + " (both strings)");
        }
        try {
            return Item.of(attributes);
        } catch (IllegalArgumentException e) {
            throw WireError.validation("One or more parameter values were invalid: " + e.getMessage());
        }
    }

    /** A primary key: exactly {@code pk} and {@code sk}, strings. */
    static Key key(JsonNode node) {
        if (node == null || !node.isObject() || !node.has(Item.PK) || !node.has(Item.SK) || node.size() != 2) {
            throw WireError.validation("The provided key element does not match the schema");
        }
        if (!(value(Item.PK, node.get(Item.PK)) instanceof String pk)
                || !(value(Item.SK, node.get(Item.SK)) instanceof String sk)) {
            throw WireError.validation("The provided key element does not match the schema");
        }
        if (pk.isEmpty() || sk.isEmpty()) {
            throw WireError.validation("One or more parameter values are not valid. The AttributeValue for a key "
                    + "attribute cannot contain an empty string value.");
        }
        return new Key(pk, sk);
    }

    /** The item, or only the attributes named, as DynamoDB's JSON. */
    static ObjectNode image(Item item, Set<String> projection) {
        if (projection.isEmpty()) {
            return StreamRecordJson.image(item);
        }
        ObjectNode image = JsonNodeFactory.instance.objectNode();
        item.attributes().forEach((name, value) -> {
            if (projection.contains(name)) {
                image.set(name, StreamRecordJson.value(value));
            }
        });
        return image;
    }
}
