package com.medicarewizard.table;

import java.util.Comparator;
import java.util.Optional;

/**
 * DynamoDB compares string keys by their UTF-8 bytes, which is code point order. Java's
 * {@link String#compareTo} compares UTF-16 units and disagrees for characters above U+FFFF
 * versus U+E000..U+FFFF, so key ranges use this order instead.
 */
public final class Utf8Order {

    public static final Comparator<String> COMPARATOR = Utf8Order::compare;

    private static final int MAX_CODE_POINT = Character.MAX_CODE_POINT;

    private Utf8Order() {
    }

    public static int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca != cb) {
                return codePointRank(ca) - codePointRank(cb);
            }
        }
        return a.length() - b.length();
    }

    /** Moves surrogates above U+E000..U+FFFF so that UTF-16 units sort in code point order. */
    private static int codePointRank(char c) {
        if (c >= 0xE000) {
            return c - 0x800;
        }
        if (c >= 0xD800) {
            return c + 0x2000;
        }
        return c;
    }

    /**
     * The least string greater than every string that begins with {@code prefix}, or empty when
     * there is none (the prefix is empty or consists of U+10FFFF only).
     */
    public static Optional<String> prefixUpperBound(String prefix) {
        int[] codePoints = prefix.codePoints().toArray();
        for (int i = codePoints.length - 1; i >= 0; i--) {
            if (codePoints[i] < MAX_CODE_POINT) {
                int next = codePoints[i] + 1;
                codePoints[i] = next == Character.MIN_SURROGATE ? Character.MAX_SURROGATE + 1 : next;
                return Optional.of(new String(codePoints, 0, i + 1));
            }
        }
        return Optional.empty();
    }
}
