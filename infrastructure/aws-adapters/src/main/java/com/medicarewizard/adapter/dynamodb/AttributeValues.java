package com.medicarewizard.adapter.dynamodb;

import com.medicarewizard.adapter.layout.Attributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Plain attribute values ({@link Attributes}) to DynamoDB's attribute values and back. */
final class AttributeValues {

    private AttributeValues() {
    }

    static Map<String, AttributeValue> toDynamo(Map<String, Object> plain) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        plain.forEach((name, value) -> item.put(name, value(value)));
        return item;
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

    static Attributes fromDynamo(Map<String, AttributeValue> item) {
        Map<String, Object> plain = new LinkedHashMap<>();
        item.forEach((name, value) -> plain.put(name, plain(name, value)));
        return new Attributes(plain);
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

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
