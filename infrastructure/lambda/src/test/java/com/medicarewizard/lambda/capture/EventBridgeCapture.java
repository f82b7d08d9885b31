package com.medicarewizard.lambda.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * EventBridge on its wire protocol, AWS JSON 1.1 ({@code X-Amz-Target: AWSEvents.PutEvents}):
 * records each {@code PutEvents} with its entries and validates them as EventBridge does — 1 to 10
 * entries and at most 256 KiB a request (else a {@code ValidationException}), each with a source, a
 * detail type and a detail that is a JSON object (else that entry alone fails, reported in the 200
 * answer's {@code FailedEntryCount}). Throttling is {@code ThrottlingException} (HTTP 400).
 */
public final class EventBridgeCapture extends JsonTargetEndpoint<EventBridgeCapture.PutEvents> {

    private static final int MAX_ENTRIES = 10;
    private static final int MAX_REQUEST_BYTES = 256 * 1024;

    /** One PutEvents request. */
    public record PutEvents(List<Entry> entries) {
    }

    /** One entry; {@code error} is the code EventBridge gives it when it is refused. */
    public record Entry(String source, String detailType, JsonNode detail, Optional<String> eventBusName,
                        List<String> resources, Optional<String> error) {
    }

    public EventBridgeCapture() {
        super("AWSEvents", "PutEvents", "InternalException");
    }

    @Override
    PutEvents decode(JsonNode request) {
        JsonNode entries = request.path("Entries");
        if (!entries.isArray() || entries.isEmpty() || entries.size() > MAX_ENTRIES) {
            throw new BadRequest("ValidationException", "1 validation error detected: Value at 'entries' failed to "
                    + "satisfy constraint: Member must have length between 1 and 10");
        }
        if (request.toString().length() > MAX_REQUEST_BYTES) {
            throw new BadRequest("ValidationException", "Total size of the entries in the request is over the limit.");
        }
        List<Entry> decoded = new ArrayList<>();
        entries.forEach(e -> decoded.add(entry(e)));
        return new PutEvents(List.copyOf(decoded));
    }

    private static Entry entry(JsonNode e) {
        String source = e.path("Source").asText("");
        String detailType = e.path("DetailType").asText("");
        Optional<String> bus = Optional.ofNullable(e.path("EventBusName").textValue());
        List<String> resources = new ArrayList<>();
        e.path("Resources").forEach(r -> resources.add(r.asText()));
        JsonNode detail;
        try {
            detail = JSON.readTree(e.path("Detail").asText(""));
        } catch (IOException malformed) {
            detail = null;
        }
        Optional<String> error = Optional.empty();
        if (source.isEmpty() || detailType.isEmpty()) {
            error = Optional.of("InvalidArgument");
        } else if (detail == null || !detail.isObject()) {
            error = Optional.of("MalformedDetail");
        }
        return new Entry(source, detailType, detail, bus, List.copyOf(resources), error);
    }

    /** The entries EventBridge took (of the answered requests), in order. */
    public List<Entry> events() {
        return answered().stream().flatMap(p -> p.entries().stream()).filter(e -> e.error().isEmpty()).toList();
    }

    @Override
    protected void answer(HttpExchange exchange, PutEvents request) throws IOException {
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode results = answer.putArray("Entries");
        int failed = 0;
        for (Entry entry : request.entries()) {
            ObjectNode result = results.addObject();
            if (entry.error().isPresent()) {
                failed++;
                result.put("ErrorCode", entry.error().get()).put("ErrorMessage", "refused by the capture endpoint");
            } else {
                result.put("EventId", UUID.randomUUID().toString());
            }
        }
        answer.put("FailedEntryCount", failed);
        answer(exchange, answer);
    }
}
