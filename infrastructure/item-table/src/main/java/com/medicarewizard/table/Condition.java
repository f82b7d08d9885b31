package com.medicarewizard.table;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A condition on the current item, evaluated atomically with the write it guards — the
 * embedded counterpart of a DynamoDB ConditionExpression. As in DynamoDB, a comparison with an
 * attribute the item lacks (or with an absent item) is false, and {@code not} inverts it.
 */
public sealed interface Condition {

    boolean test(Optional<Item> current);

    static Condition always() {
        return Always.INSTANCE;
    }

    /** {@code attribute_not_exists(pk)}: there is no item with this key. */
    static Condition absent() {
        return new AttributeNotExists(Item.PK);
    }

    /** {@code attribute_exists(pk)}: there is an item with this key. */
    static Condition present() {
        return new AttributeExists(Item.PK);
    }

    static Condition attributeExists(String attribute) {
        return new AttributeExists(attribute);
    }

    static Condition attributeNotExists(String attribute) {
        return new AttributeNotExists(attribute);
    }

    static Condition equals(String attribute, String value) {
        return new Equals(attribute, value);
    }

    static Condition equals(String attribute, long value) {
        return new Equals(attribute, value);
    }

    static Condition equals(String attribute, boolean value) {
        return new Equals(attribute, value);
    }

    static Condition equals(String attribute, List<String> value) {
        return new Equals(attribute, value);
    }

    /** {@code size(attribute) = size}: a list with that many elements, or a string that long. */
    static Condition sizeEquals(String attribute, long size) {
        return new SizeEquals(attribute, size);
    }

    /** {@code attribute_not_exists(pk) OR <condition>}: create, or change only when it holds. */
    static Condition absentOr(Condition condition) {
        return or(absent(), condition);
    }

    static Condition and(Condition first, Condition... more) {
        return new And(concat(first, more));
    }

    static Condition or(Condition first, Condition... more) {
        return new Or(concat(first, more));
    }

    static Condition not(Condition condition) {
        return new Not(condition);
    }

    private static List<Condition> concat(Condition first, Condition... more) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), java.util.Arrays.stream(more))
                .map(c -> Objects.requireNonNull(c, "condition"))
                .toList();
    }

    enum Always implements Condition {
        INSTANCE;

        @Override
        public boolean test(Optional<Item> current) {
            return true;
        }
    }

    record AttributeExists(String attribute) implements Condition {
        public AttributeExists {
            Objects.requireNonNull(attribute, "attribute");
        }

        @Override
        public boolean test(Optional<Item> current) {
            return current.map(item -> item.has(attribute)).orElse(false);
        }
    }

    record AttributeNotExists(String attribute) implements Condition {
        public AttributeNotExists {
            Objects.requireNonNull(attribute, "attribute");
        }

        @Override
        public boolean test(Optional<Item> current) {
            return !new AttributeExists(attribute).test(current);
        }
    }

    record Equals(String attribute, Object value) implements Condition {
        public Equals {
            Objects.requireNonNull(attribute, "attribute");
            value = Item.normalize(attribute, value);
        }

        @Override
        public boolean test(Optional<Item> current) {
            return current.flatMap(item -> item.value(attribute)).map(value::equals).orElse(false);
        }
    }

    record SizeEquals(String attribute, long size) implements Condition {
        public SizeEquals {
            Objects.requireNonNull(attribute, "attribute");
        }

        @Override
        public boolean test(Optional<Item> current) {
            return current.flatMap(item -> item.value(attribute)).map(value -> switch (value) {
                case List<?> list -> list.size() == size;
                case String string -> string.length() == size;
                default -> false;
            }).orElse(false);
        }
    }

    record And(List<Condition> conditions) implements Condition {
        public And {
            conditions = List.copyOf(conditions);
        }

        @Override
        public boolean test(Optional<Item> current) {
            return conditions.stream().allMatch(c -> c.test(current));
        }
    }

    record Or(List<Condition> conditions) implements Condition {
        public Or {
            conditions = List.copyOf(conditions);
        }

        @Override
        public boolean test(Optional<Item> current) {
            return conditions.stream().anyMatch(c -> c.test(current));
        }
    }

    record Not(Condition condition) implements Condition {
        public Not {
            Objects.requireNonNull(condition, "condition");
        }

        @Override
        public boolean test(Optional<Item> current) {
            return !condition.test(current);
        }
    }
}
