package com.medicarewizard.intake.fakes;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.Map;
import java.util.Optional;

/** A handler's answer, with its body parsed when it is JSON (the raw body otherwise). */
public record Reply(int status, Map<String, String> headers, String rawBody, JsonNode body) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static Reply of(APIGatewayProxyResponseEvent event) {
        try {
            String raw = event.getBody();
            Map<String, String> headers = event.getHeaders() == null ? Map.of() : event.getHeaders();
            boolean json = headers.entrySet().stream().noneMatch(h -> h.getKey().equalsIgnoreCase("Content-Type")
                    && !h.getValue().contains("json"));
            JsonNode body = raw == null || !json ? MissingNode.getInstance() : JSON.readTree(raw);
            return new Reply(event.getStatusCode(), headers, raw, body);
        } catch (Exception e) {
            throw new AssertionError("the answer is not JSON: " + event.getBody(), e);
        }
    }

    public Optional<String> header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst();
    }

    public String code() {
        return body.path("code").asText();
    }

    public String text(String field) {
        return body.path(field).asText();
    }

    /** The problem without its request-specific {@code instance}, for comparing two answers. */
    public JsonNode problemWithoutInstance() {
        var copy = body.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) copy).remove("instance");
        return copy;
    }
}
