package com.medicarewizard.runtime.dynamodb;

import com.medicarewizard.table.Item;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An item's size as DynamoDB counts it for capacity units — "DynamoDB item sizes and formats",
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html:
 * the sum over its attributes of the name's UTF-8 bytes plus the value's size, where
 * <ul>
 * <li>a string (S) is its UTF-8 bytes; a binary (B) its raw bytes, not its base64;</li>
 * <li>a number (N) is "approximately" 1 byte per two significant digits, plus 1 — leading and
 *     trailing zeroes trimmed (so 1000 has one significant digit, 0 none); the documented
 *     approximation is taken as it stands: the sign costs nothing, odd digit counts round up;</li>
 * <li>a Boolean or a null is 1 byte;</li>
 * <li>a list (L) or a map (M) is 3 bytes plus, per element, 1 byte and the element's size (for a
 *     map element, its name's UTF-8 bytes too);</li>
 * <li>a set (SS, NS, BS) — the page gives no rule — is the sum of its elements' sizes.</li>
 * </ul>
 * Values are Java's: {@code String}, a {@code Number} ({@code Long}, {@code BigDecimal}…),
 * {@code Boolean}, {@code null}, {@code byte[]}, a {@code List} (L), a {@code Map} of names (M),
 * a {@code Set} (SS, NS or BS). The table stores S, N (integers), BOOL and L of S.
 */
final class ItemSize {

    private static final int LIST_OR_MAP_OVERHEAD = 3;
    private static final int ELEMENT_OVERHEAD = 1;

    private ItemSize() {
    }

    /** The item's size in bytes. */
    static int of(Item item) {
        return of(item.attributes());
    }

    /** The size of an item holding these attributes. */
    static int of(Map<String, ?> attributes) {
        int size = 0;
        for (Map.Entry<String, ?> attribute : attributes.entrySet()) {
            size += utf8(attribute.getKey()) + value(attribute.getValue());
        }
        return size;
    }

    /** The size of a value without its attribute name. */
    static int value(Object value) {
        return switch (value) {
            case null -> 1;
            case String s -> utf8(s);
            case Boolean b -> 1;
            case Number n -> number(n);
            case byte[] bytes -> bytes.length;
            case List<?> list -> LIST_OR_MAP_OVERHEAD + list.stream().mapToInt(e -> ELEMENT_OVERHEAD + value(e)).sum();
            case Map<?, ?> map -> LIST_OR_MAP_OVERHEAD + map.entrySet().stream()
                    .mapToInt(e -> ELEMENT_OVERHEAD + utf8((String) e.getKey()) + value(e.getValue())).sum();
            case Set<?> set -> ((Collection<?>) set).stream().mapToInt(ItemSize::value).sum();
            default -> throw new IllegalArgumentException("not a DynamoDB value: " + value.getClass().getName());
        };
    }

    /** A number's size: 1 byte per two significant digits (rounded up), plus 1. */
    static int number(Number number) {
        int digits = significantDigits(decimal(number));
        return (digits + 1) / 2 + 1;
    }

    private static BigDecimal decimal(Number number) {
        return switch (number) {
            case BigDecimal d -> d;
            case BigInteger i -> new BigDecimal(i);
            case Long l -> BigDecimal.valueOf(l);
            case Integer i -> BigDecimal.valueOf(i);
            case Short s -> BigDecimal.valueOf(s);
            default -> new BigDecimal(number.toString());
        };
    }

    private static int significantDigits(BigDecimal number) {
        if (number.signum() == 0) {
            return 0;
        }
        return number.stripTrailingZeros().unscaledValue().abs().toString().length();
    }

    /** The UTF-8 length, counted without encoding (a lone surrogate counts as the 1 byte Java encodes it as). */
    static int utf8(String s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += Character.isSurrogate(c) ? 1 : 3;
            }
        }
        return bytes;
    }
}
