package com.medicarewizard.adapter.sqs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.port.ReservationCommand;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The wire form of a {@link ReservationCommand} on SQS: body {@code {"type":"DECIDE","reservationId":"…"}}
 * (ids only, no personal data) and the correlation id as the message attribute
 * {@value #CORRELATION_ID}. Unknown body fields are ignored, so a newer sender does not poison
 * an older consumer.
 */
public final class ReservationCommandCodec {

    /** The message attribute (String) carrying the correlation id. */
    public static final String CORRELATION_ID = "correlationId";
    private static final String TYPE = "type";
    private static final String RESERVATION_ID = "reservationId";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReservationCommandCodec() {
    }

    public static String body(ReservationCommand command) {
        ObjectNode body = JSON.createObjectNode()
                .put(TYPE, command.type().name())
                .put(RESERVATION_ID, command.reservation().value());
        return body.toString();
    }

    /**
     * Decodes a received message. Without a correlation id attribute (a message sent by hand while
     * replaying), the reservation id stands in for it, so that log lines still tie together.
     *
     * @throws IllegalArgumentException when the body is not a command; the message is then poison
     */
    public static ReservationCommand parse(String body, Map<String, String> attributes) {
        JsonNode json = readObject(body);
        ReservationCommand.Type type = typeOf(json.get(TYPE));
        ReservationId reservation = Optional.ofNullable(json.get(RESERVATION_ID))
                .filter(JsonNode::isTextual)
                .flatMap(id -> ReservationId.parse(id.asText()))
                .orElseThrow(() -> new IllegalArgumentException(
                        "the command's \"" + RESERVATION_ID + "\" must be a reservation id (a UUID)"));
        String correlation = Optional.ofNullable(attributes).map(a -> a.get(CORRELATION_ID))
                .filter(c -> !c.isBlank())
                .orElse(reservation.value());
        return new ReservationCommand(type, reservation, correlation);
    }

    private static JsonNode readObject(String body) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("the command body is empty");
        }
        try {
            JsonNode json = JSON.readTree(body);
            if (json == null || !json.isObject()) {
                throw new IllegalArgumentException("the command body must be a JSON object");
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the command body is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static ReservationCommand.Type typeOf(JsonNode type) {
        if (type == null || !type.isTextual()) {
            throw new IllegalArgumentException("the command has no \"" + TYPE + "\"");
        }
        return Arrays.stream(ReservationCommand.Type.values())
                .filter(t -> t.name().equals(type.asText()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the command type \"" + abbreviate(type.asText())
                        + "\" is unknown; expected one of " + Arrays.toString(ReservationCommand.Type.values())));
    }

    /** Keeps error messages (which get logged) short whatever a malformed message holds. */
    private static String abbreviate(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "…";
    }
}
