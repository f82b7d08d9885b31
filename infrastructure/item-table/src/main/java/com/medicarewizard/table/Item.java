package com.medicarewizard.table;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An immutable item: attribute name → value, in insertion order. Values are {@code String},
 * {@code Long}, {@code Boolean} or {@code List<String>} (DynamoDB's S, N, BOOL and a list of S);
 * there are no nulls — an absent attribute is simply absent. Every item carries its key in the
 * string attributes {@code pk} and {@code sk}. Equality ignores attribute order, as DynamoDB does.
 */
public final class Item {

    public static final String PK = "pk";
    public static final String SK = "sk";

    private final Map<String, Object> attributes;

    private Item(Map<String, Object> attributes) {
        this.attributes = Collections.unmodifiableMap(attributes);
    }

    /** An item holding only its key. */
    public static Item of(Key key) {
        return builder(key).build();
    }

    public static Builder builder(Key key) {
        return new Builder().put(PK, key.pk()).put(SK, key.sk());
    }

    public static Builder builder(String pk, String sk) {
        return builder(new Key(pk, sk));
    }

    /** An item from attributes that include {@code pk} and {@code sk}. */
    public static Item of(Map<String, ?> attributes) {
        Builder builder = new Builder();
        attributes.forEach(builder::put);
        return builder.build();
    }

    public Key key() {
        return new Key((String) attributes.get(PK), (String) attributes.get(SK));
    }

    /** All attributes, read-only, in insertion order. */
    public Map<String, Object> attributes() {
        return attributes;
    }

    public boolean has(String name) {
        return attributes.containsKey(name);
    }

    public Optional<Object> value(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    public String string(String name) {
        return typed(name, String.class);
    }

    public Optional<String> optString(String name) {
        return has(name) ? Optional.of(string(name)) : Optional.empty();
    }

    public long longValue(String name) {
        return typed(name, Long.class);
    }

    public OptionalLong optLong(String name) {
        return has(name) ? OptionalLong.of(longValue(name)) : OptionalLong.empty();
    }

    public boolean bool(String name) {
        return typed(name, Boolean.class);
    }

    @SuppressWarnings("unchecked")
    public List<String> strings(String name) {
        return typed(name, List.class);
    }

    public Item with(String name, String value) {
        return copy().put(name, value).build();
    }

    public Item with(String name, long value) {
        return copy().put(name, value).build();
    }

    public Item with(String name, boolean value) {
        return copy().put(name, value).build();
    }

    public Item with(String name, List<String> value) {
        return copy().put(name, value).build();
    }

    public Item without(String name) {
        if (PK.equals(name) || SK.equals(name)) {
            throw new IllegalArgumentException("cannot remove key attribute " + name);
        }
        if (!has(name)) {
            return this;
        }
        Builder builder = copy();
        builder.attributes.remove(name);
        return builder.build();
    }

    /** Size as DynamoDB counts it: UTF-8 lengths of names and values (numbers approximated). */
    public int sizeBytes() {
        int size = 0;
        for (Map.Entry<String, Object> attribute : attributes.entrySet()) {
            size += utf8Length(attribute.getKey()) + switch (attribute.getValue()) {
                case String s -> utf8Length(s);
                case Long l -> 1 + (Long.toString(l).length() + 1) / 2;
                case Boolean b -> 1;
                case List<?> list -> 3 + list.stream().mapToInt(s -> 1 + utf8Length((String) s)).sum();
                default -> throw new IllegalStateException();
            };
        }
        return size;
    }

    private static int utf8Length(String s) {
        return s.length() < 64 && s.chars().allMatch(c -> c < 0x80)
                ? s.length()
                : s.getBytes(StandardCharsets.UTF_8).length;
    }

    private <T> T typed(String name, Class<T> type) {
        Object value = attributes.get(name);
        if (value == null) {
            throw new NoSuchElementException("no attribute " + name + " in item " + key());
        }
        if (!type.isInstance(value)) {
            throw new IllegalStateException("attribute " + name + " is not a " + type.getSimpleName());
        }
        return type.cast(value);
    }

    /** A builder holding this item's attributes. */
    public Builder toBuilder() {
        return copy();
    }

    private Builder copy() {
        Builder builder = new Builder();
        builder.attributes.putAll(attributes);
        return builder;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Item item && attributes.equals(item.attributes);
    }

    @Override
    public int hashCode() {
        return attributes.hashCode();
    }

    @Override
    public String toString() {
        return "Item" + attributes;
    }

    /** Builds an item; {@code pk} and {@code sk} must be set as non-empty strings. */
    public static final class Builder {

        private final Map<String, Object> attributes = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder put(String name, String value) {
            return putChecked(name, value);
        }

        public Builder put(String name, long value) {
            return putChecked(name, value);
        }

        public Builder put(String name, boolean value) {
            return putChecked(name, value);
        }

        public Builder put(String name, List<String> value) {
            return putChecked(name, value);
        }

        /** Any supported value; {@code Integer} and {@code Short} are widened to {@code Long}. */
        public Builder put(String name, Object value) {
            return putChecked(name, value);
        }

        /** Removes a non-key attribute (absent: nothing happens). */
        public Builder remove(String name) {
            if (PK.equals(name) || SK.equals(name)) {
                throw new IllegalArgumentException("cannot remove key attribute " + name);
            }
            attributes.remove(name);
            return this;
        }

        public Item build() {
            for (String keyAttribute : List.of(PK, SK)) {
                if (!(attributes.get(keyAttribute) instanceof String)) {
                    throw new IllegalArgumentException("item needs string attribute " + keyAttribute);
                }
            }
            return new Item(new LinkedHashMap<>(attributes));
        }

        private Builder putChecked(String name, Object value) {
            Objects.requireNonNull(name, "attribute name");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("attribute names must not be empty");
            }
            Object normalized = normalize(name, value);
            if ((PK.equals(name) || SK.equals(name))) {
                if (!(normalized instanceof String s)) {
                    throw new IllegalArgumentException("key attribute " + name + " must be a string");
                }
                Key.requireKeyString(name, s);
            }
            attributes.put(name, normalized);
            return this;
        }
    }

    static Object normalize(String name, Object value) {
        return switch (value) {
            case null -> throw new NullPointerException("attribute " + name + " has no value");
            case String s -> s;
            case Long l -> l;
            case Integer i -> (long) i;
            case Short s -> (long) s;
            case Boolean b -> b;
            case List<?> list -> List.copyOf(list).stream()
                    .map(element -> element instanceof String s ? s : fail(name, element))
                    .toList();
            default -> fail(name, value);
        };
    }

    private static String fail(String name, Object value) {
        throw new IllegalArgumentException("attribute " + name + " has unsupported value type "
                + value.getClass().getName() + " (String, Long, Boolean or List<String>)");
    }
}
