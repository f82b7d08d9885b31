package com.medicarewizard.adapter.layout;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * An item's attributes as plain values — {@code String}, {@code Long}, {@code Boolean} or
 * {@code List<String>} (DynamoDB's S, N, BOOL and a list of S) — the common ground of the embedded
 * table's items and DynamoDB's attribute values, so that each entity is mapped once.
 */
public record Attributes(Map<String, Object> values) {

    public Attributes {
        values = Map.copyOf(Objects.requireNonNull(values, "values"));
    }

    public boolean has(String name) {
        return values.containsKey(name);
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

    public boolean bool(String name) {
        return typed(name, Boolean.class);
    }

    @SuppressWarnings("unchecked")
    public List<String> strings(String name) {
        return typed(name, List.class);
    }

    private <T> T typed(String name, Class<T> type) {
        Object value = values.get(name);
        if (value == null) {
            throw new NoSuchElementException("no attribute " + name);
        }
        if (!type.isInstance(value)) {
            throw new IllegalStateException("attribute " + name + " is not a " + type.getSimpleName());
        }
        return type.cast(value);
    }
}
