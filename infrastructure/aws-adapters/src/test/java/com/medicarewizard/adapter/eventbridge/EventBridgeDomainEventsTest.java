package com.medicarewizard.adapter.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.medicarewizard.domain.ReservationMother;
import com.medicarewizard.domain.event.ReservationEvent;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.port.DomainEvents;
import com.medicarewizard.port.DomainEvents.PublishFailedException;
import com.medicarewizard.port.contract.DomainEventsContract;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The PutEvents entries the adapter builds, asserted on a fake client (nothing calls AWS). */
class EventBridgeDomainEventsTest extends DomainEventsContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant DECIDED = Instant.parse("2030-03-04T08:00:05Z");
    private final PatientId patient = PatientId.random();
    private final FakeEventBridge client = new FakeEventBridge();
    private final EventBridgeDomainEvents events = new EventBridgeDomainEvents(client, "medicarewizard-bus");

    static final class FakeEventBridge implements EventBridgeClient {
        final List<PutEventsRequest> requests = new ArrayList<>();
        PutEventsResponse answer = PutEventsResponse.builder().failedEntryCount(0)
                .entries(PutEventsResultEntry.builder().eventId("e-1").build()).build();

        /** As PutEvents does, answers 200 with a failed entry for an entry it refuses; keeps only what it took. */
        @Override
        public PutEventsResponse putEvents(PutEventsRequest request) {
            try {
                request.entries().forEach(EventEntries::validate);
            } catch (IllegalArgumentException e) {
                return PutEventsResponse.builder().failedEntryCount(1).entries(PutEventsResultEntry.builder()
                        .errorCode("ValidationException").errorMessage(e.getMessage()).build()).build();
            }
            requests.add(request);
            return answer;
        }

        @Override
        public String serviceName() {
            return "events";
        }

        @Override
        public void close() {
        }
    }

    @Override
    protected DomainEvents newEvents() {
        return events;
    }

    @Override
    protected List<String> publishedEventIds() {
        return client.requests.stream().flatMap(r -> r.entries().stream())
                .map(e -> detail(e).get("eventId").asText()).toList();
    }

    private static JsonNode detail(PutEventsRequestEntry entry) {
        try {
            return JSON.readTree(entry.detail());
        } catch (java.io.IOException e) {
            throw new AssertionError("detail is not JSON", e);
        }
    }

    @Test
    void aConfirmationIsOneEntryOnTheCustomBusWithTheVersionOneDetail() throws Exception {
        Reservation confirmed = ReservationMother.confirmed(ReservationMother.pending(patient), DECIDED);
        events.publish(ReservationEvent.of(confirmed, ReservationStatus.CONFIRMED));
        PutEventsRequestEntry entry = client.requests.getFirst().entries().getFirst();
        assertThat(client.requests).hasSize(1);
        assertThat(entry.eventBusName()).isEqualTo("medicarewizard-bus");
        assertThat(entry.source()).isEqualTo("medicarewizard.reservations");
        assertThat(entry.detailType()).isEqualTo("ReservationConfirmed");
        assertThat(entry.time()).isEqualTo(DECIDED);
        JsonNode detail = JSON.readTree(entry.detail());
        assertThat(fields(detail)).containsExactlyInAnyOrder("schemaVersion", "eventId", "reservationId", "examType",
                "site", "start", "end", "occurredAt", "correlationId");
        assertThat(detail.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(detail.get("reservationId").asText()).isEqualTo(confirmed.id().value());
        assertThat(detail.get("start").asText()).isEqualTo(confirmed.start().toString());
        assertThat(detail.get("eventId").asText())
                .isEqualTo(ReservationEvent.eventId(confirmed.id(), ReservationStatus.CONFIRMED));
        assertThat(entry.detail()).doesNotContain(patient.value()).doesNotContain("@").doesNotContain("+39");
        EventEntries.validate(entry);
    }

    @Test
    void eachOutcomeHasItsDetailTypeAndARejectionItsReason() throws Exception {
        Reservation pending = ReservationMother.pending(patient);
        Reservation rejected = ReservationMother.rejected(pending, DECIDED);
        Reservation cancelled = ReservationMother.confirmed(ReservationMother.pending(patient), DECIDED)
                .cancel(DECIDED.plusSeconds(60));
        events.publish(ReservationEvent.of(rejected, ReservationStatus.REJECTED));
        events.publish(ReservationEvent.of(cancelled, ReservationStatus.CANCELLED));
        assertThat(client.requests).extracting(r -> r.entries().getFirst().detailType())
                .containsExactly("ReservationRejected", "ReservationCancelled");
        assertThat(JSON.readTree(client.requests.getFirst().entries().getFirst().detail()).get("reason").asText())
                .isEqualTo("SLOT_TAKEN");
        assertThat(JSON.readTree(client.requests.get(1).entries().getFirst().detail()).get("occurredAt").asText())
                .isEqualTo(DECIDED.plusSeconds(60).toString());
    }

    @Test
    void aFailedEntryIsAFailedPublishEvenThoughPutEventsAnswered200() {
        client.answer = PutEventsResponse.builder().failedEntryCount(1)
                .entries(PutEventsResultEntry.builder().errorCode("InternalFailure").build()).build();
        Reservation confirmed = ReservationMother.confirmed(ReservationMother.pending(patient), DECIDED);
        assertThatThrownBy(() -> events.publish(ReservationEvent.of(confirmed, ReservationStatus.CONFIRMED)))
                .isInstanceOf(PublishFailedException.class).hasMessageContaining("InternalFailure");
    }

    @Test
    void validationRefusesWhatPutEventsRefuses() {
        var ok = PutEventsRequestEntry.builder().source("s").detailType("t").detail("{}").build();
        EventEntries.validate(ok);
        assertThatThrownBy(() -> EventEntries.validate(ok.toBuilder().source("").build()))
                .hasMessageContaining("Source");
        assertThatThrownBy(() -> EventEntries.validate(ok.toBuilder().detail("[1]").build()))
                .hasMessageContaining("JSON object");
        assertThatThrownBy(() -> EventEntries.validate(ok.toBuilder().detail("{\"x\":\"" + "y".repeat(300_000) + "\"}")
                .build())).hasMessageContaining("256 KB");
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new java.util.HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
