package com.medicarewizard.edge.local;

import com.sun.net.httpserver.HttpExchange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request headers as API Gateway hands them to the integration: every value in
 * {@code multiValueHeaders}, the last one in {@code headers}, plus the X-Forwarded-* and
 * X-Amzn-Trace-Id headers the gateway adds.
 *
 * <p>The JDK server lower-cases header names after the first letter, so the client's exact
 * spelling is lost; names are restored to the usual Title-Case ({@code X-Request-Id}), which is
 * what HTTP/1.1 clients send. Handlers must look headers up case-insensitively anyway.
 */
record ProxyHeaders(Map<String, String> single, Map<String, List<String>> multi) {

    static ProxyHeaders of(HttpExchange exchange, String traceId) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> multi.put(titleCase(name), new ArrayList<>(values)));
        String client = clientAddress(exchange);
        multi.merge("X-Forwarded-For", new ArrayList<>(List.of(client)), ProxyHeaders::appendForwarded);
        multi.put("X-Forwarded-Port", List.of(String.valueOf(exchange.getLocalAddress().getPort())));
        multi.put("X-Forwarded-Proto", List.of("http"));
        multi.putIfAbsent("X-Amzn-Trace-Id", List.of(traceId));
        Map<String, String> single = new LinkedHashMap<>();
        multi.forEach((name, values) -> single.put(name, values.getLast()));
        return new ProxyHeaders(single, multi);
    }

    /** The client's IP address as API Gateway reports it in {@code identity.sourceIp}. */
    static String clientAddress(HttpExchange exchange) {
        return exchange.getRemoteAddress().getAddress().getHostAddress();
    }

    /** The first value of a header, by case-insensitive name. */
    String first(String name) {
        for (var header : multi.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                return header.getValue().getFirst();
            }
        }
        return null;
    }

    /** A proxy appends the address it saw to the chain the client sent. */
    private static List<String> appendForwarded(List<String> sent, List<String> client) {
        String chain = String.join(", ", sent);
        return new ArrayList<>(List.of(chain + ", " + client.getFirst()));
    }

    static String titleCase(String name) {
        var result = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toCharArray()) {
            result.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        return result.toString();
    }
}
