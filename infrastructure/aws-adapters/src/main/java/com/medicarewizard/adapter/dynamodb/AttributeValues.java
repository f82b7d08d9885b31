package com.medicarewizard.adapter.dynamodb;

import com.medicarewizard.table.Item;
import com.medicarewizard.table.Key;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@link Item}s and their plain values to DynamoDB's attribute values and back. */
final class AttributeValues {

    private AttributeValues() {
    }

    static Map<String, AttributeValue> toDynamo(Item item) {
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        item.attributes().forEach((name, value) -> attributes.put(name, value(value)));
        return attributes;
    }

    static Map<String, AttributeValue> key(Key key) {
        return Map.of(Item.PK, AttributeValue.fromS(key.pk()), Item.SK, AttributeValue.fromS(key.sk()));
    }

    static AttributeValue value(Object value) {
        return switch (value) {
            case String s -> AttributeValue.fromS(s);
            case Long l -> AttributeValue.fromN(Long.toString(l));
            case Integer i -> AttributeValue.fromN(Integer.toString(i));
            case Boolean b -> AttributeValue.fromBool(b);
            case List<?> list -> AttributeValue.fromL(list.stream().map(s -> AttributeValue.fromS((String) s)).toList());
            default -> throw new IllegalArgumentException("unsupported attribute value " + value.getClass());
        };
    }

    static Item fromDynamo(Map<String, AttributeValue> attributes) {
        Map<String, Object> plain = new LinkedHashMap<>();
        attributes.forEach((name, value) -> plain.put(name, plain(name, value)));
        return Item.of(plain);
    }

    private static Object plain(String name, AttributeValue value) {
        return switch (value.type()) {
            case S -> value.s();
            case N -> Long.parseLong(value.n());
            case BOOL -> value.bool();
            case L -> value.l().stream().map(AttributeValue::s).toList();
            default -> throw new IllegalStateException("attribute " + name + " has unexpected type " + value.type());
        };
    }
}
