package com.medicarewizard.table;

import java.util.Comparator;
import java.util.Objects;

/**
 * The primary key of an item: partition key {@code pk} and sort key {@code sk}, both strings.
 * Like DynamoDB, key strings must not be empty.
 */
public record Key(String pk, String sk) implements Comparable<Key> {

    static final Comparator<Key> ORDER =
            Comparator.comparing(Key::pk, Utf8Order.COMPARATOR).thenComparing(Key::sk, Utf8Order.COMPARATOR);

    public Key {
        requireKeyString(Item.PK, pk);
        requireKeyString(Item.SK, sk);
    }

    public static Key of(String pk, String sk) {
        return new Key(pk, sk);
    }

    static void requireKeyString(String attribute, String value) {
        Objects.requireNonNull(value, attribute);
        if (value.isEmpty()) {
            throw new IllegalArgumentException("key attribute " + attribute + " must not be an empty string");
        }
    }

    /** Orders as DynamoDB orders string keys: by UTF-8 bytes, that is by code points. */
    @Override
    public int compareTo(Key other) {
        return ORDER.compare(this, other);
    }
}
