package com.medicarewizard.adapter.eventbridge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.medicarewizard.domain.event.ReservationEvent;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Builds the EventBridge entry of a {@link ReservationEvent}: source {@value #SOURCE}, detail-type
 * the event's name, and the version-1 detail documented in {@code docs/events.md} (ids, exam, site,
 * times — nothing about the patient). Also checks an entry as PutEvents does.
 */
public final class EventEntries {
    public static final String SOURCE = "medicarewizard.reservations";
    public static final int SCHEMA_VERSION = 1;
    /** PutEvents' limits: 10 entries per call, 256 KB per entry. */
    public static final int MAX_ENTRIES = 10;
    public static final int MAX_ENTRY_BYTES = 256 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventEntries() {
    }

    public static PutEventsRequestEntry entry(ReservationEvent event, String busName) {
        return PutEventsRequestEntry.builder()
                .eventBusName(busName)
                .source(SOURCE)
                .detailType(detailType(event))
                .time(event.occurredAt())
                .resources(List.of())
                .detail(detail(event))
                .build();
    }

    public static String detailType(ReservationEvent event) {
        return event.getClass().getSimpleName();
    }

    static String detail(ReservationEvent event) {
        ObjectNode detail = JSON.createObjectNode()
                .put("schemaVersion", SCHEMA_VERSION)
                .put("eventId", event.eventId())
                .put("reservationId", event.reservation().value())
                .put("examType", event.examType().value())
                .put("site", event.site().value())
                .put("start", iso(event.start()))
                .put("end", iso(event.end()))
                .put("occurredAt", iso(event.occurredAt()))
                .put("correlationId", event.correlationId());
        if (event instanceof ReservationEvent.ReservationRejected rejected) {
            detail.put("reason", rejected.reason().name());
        }
        event.replaces().ifPresent(replaced -> detail.put("replaces", replaced.value()));
        event.movedTo().ifPresent(next -> detail.put("movedTo", next.value()));
        return detail.toString();
    }

    /**
     * The checks PutEvents makes on an entry before accepting it: source, detail-type and detail
     * present, detail a JSON object, and the entry within 256 KB.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static void validate(PutEventsRequestEntry entry) {
        require(entry.source() != null && !entry.source().isBlank(), "Source is required");
        require(entry.detailType() != null && !entry.detailType().isBlank(), "DetailType is required");
        require(entry.detail() != null, "Detail is required");
        try {
            require(JSON.readTree(entry.detail()).isObject(), "Detail must be a JSON object");
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("Detail is malformed JSON");
        }
        int size = bytes(entry.source()) + bytes(entry.detailType()) + bytes(entry.detail())
                + (entry.time() == null ? 0 : 14);
        require(size <= MAX_ENTRY_BYTES, "Entry exceeds 256 KB");
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    private static String iso(Instant instant) {
        return Objects.requireNonNull(instant, "instant").toString();
    }
}
