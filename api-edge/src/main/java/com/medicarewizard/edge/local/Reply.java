package com.medicarewizard.edge.local;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One answer of the gateway before it goes on the wire: status, headers (names compared
 * case-insensitively, as HTTP does) and the whole body.
 */
record Reply(int status, Map<String, List<String>> headers, byte[] body) {

    Reply {
        var copy = new TreeMap<String, List<String>>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        headers = copy;
    }

    static Reply of(int status, String contentType, byte[] body) {
        return new Reply(status, Map.of("Content-Type", List.of(contentType)), body);
    }

    static Reply of(int status, String contentType, String body) {
        return of(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** A copy with one more header value (replacing any value of that name). */
    Reply with(String name, String value) {
        var copy = new TreeMap<>(headers);
        copy.put(name, List.of(value));
        return new Reply(status, copy, body);
    }

    /** A copy with another body. */
    Reply withBody(byte[] newBody) {
        return new Reply(status, headers, newBody);
    }

    String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.getLast();
    }

    /** All headers as a mutable list per name, for writers that add their own. */
    Map<String, List<String>> mutableHeaders() {
        var copy = new TreeMap<String, List<String>>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, new ArrayList<>(values)));
        return copy;
    }
}
