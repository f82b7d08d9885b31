package com.medicarewizard.edge;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Decodes percent-encoded path segments (RFC 3986). Unlike {@link java.net.URLDecoder} it keeps
 * {@code +} as is: a plus in a path is a plus, only query strings use it for a space.
 */
public final class PathSegments {

    private PathSegments() {
    }

    /**
     * Decodes {@code %XX} sequences as UTF-8.
     *
     * @throws IllegalArgumentException when a {@code %} is not followed by two hex digits
     */
    public static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        var bytes = new ByteArrayOutputStream(segment.length());
        int i = 0;
        while (i < segment.length()) {
            if (segment.charAt(i) == '%') {
                bytes.write(hexByte(segment, i + 1));
                i += 3;
            } else {
                int next = segment.indexOf('%', i);
                int end = next < 0 ? segment.length() : next;
                bytes.writeBytes(segment.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hexByte(String s, int at) {
        if (at + 2 > s.length()) {
            throw new IllegalArgumentException("truncated percent-encoding");
        }
        int high = Character.digit(s.charAt(at), 16);
        int low = Character.digit(s.charAt(at + 1), 16);
        if (high < 0 || low < 0) {
            throw new IllegalArgumentException("bad percent-encoding");
        }
        return high << 4 | low;
    }
}
