package com.medicarewizard.edge.local;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The query string as API Gateway hands it to the integration: decoded (a {@code +} is a
 * space), every value in the multi-value map, the last one in the single map, and both
 * {@code null} when the request has no query string.
 */
record ProxyQuery(Map<String, String> single, Map<String, List<String>> multi) {

    static ProxyQuery parse(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return new ProxyQuery(null, null);
        }
        Map<String, List<String>> multi = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            multi.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        if (multi.isEmpty()) {
            return new ProxyQuery(null, null);
        }
        Map<String, String> single = new LinkedHashMap<>();
        multi.forEach((name, values) -> single.put(name, values.getLast()));
        return new ProxyQuery(single, multi);
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return raw;
        }
    }
}
