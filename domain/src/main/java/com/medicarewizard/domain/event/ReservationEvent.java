package com.medicarewizard.domain.event;

import com.medicarewizard.domain.center.ExamTypeCode;
import com.medicarewizard.domain.center.SiteId;
import com.medicarewizard.domain.reservation.RejectionReason;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What other systems hear about a reservation's outcome. Ids, exam, site and times only — never
 * who the patient is. The event id is derived from the reservation and the outcome, so an event
 * published again (a stream redelivery) carries the same id and subscribers can drop it.
 */
public sealed interface ReservationEvent
        permits ReservationEvent.ReservationConfirmed, ReservationEvent.ReservationRejected,
        ReservationEvent.ReservationCancelled {

    String eventId();

    ReservationId reservation();

    ExamTypeCode examType();

    SiteId site();

    Instant start();

    Instant end();

    /** When the outcome happened (decision or cancellation time). */
    Instant occurredAt();

    String correlationId();

    /**
     * A confirmed or rejected move request: the reservation it was to replace. A move confirmed is
     * two events, this one's ReservationConfirmed and the replaced one's ReservationCancelled.
     */
    default Optional<ReservationId> replaces() {
        return Optional.empty();
    }

    /** A reservation cancelled by a move: the reservation that replaced it. */
    default Optional<ReservationId> movedTo() {
        return Optional.empty();
    }

    record ReservationConfirmed(String eventId, ReservationId reservation, ExamTypeCode examType, SiteId site,
                                Instant start, Instant end, Instant occurredAt, String correlationId,
                                Optional<ReservationId> replaces) implements ReservationEvent {
    }

    record ReservationRejected(String eventId, ReservationId reservation, ExamTypeCode examType, SiteId site,
                               Instant start, Instant end, Instant occurredAt, String correlationId,
                               RejectionReason reason, Optional<ReservationId> replaces) implements ReservationEvent {
    }

    record ReservationCancelled(String eventId, ReservationId reservation, ExamTypeCode examType, SiteId site,
                                Instant start, Instant end, Instant occurredAt, String correlationId,
                                Optional<ReservationId> movedTo) implements ReservationEvent {
    }

    /** The event for a reservation that has just reached {@code outcome}. */
    static ReservationEvent of(Reservation r, ReservationStatus outcome) {
        String id = eventId(r.id(), outcome);
        Instant decided = r.decidedAt().orElse(r.requestedAt());
        Optional<ReservationId> replaces = r.replaces().map(Reservation.Replaced::reservation);
        return switch (outcome) {
            case CONFIRMED -> new ReservationConfirmed(id, r.id(), r.examType(), r.site(), r.start(), r.end(),
                    decided, r.correlationId(), replaces);
            case REJECTED -> new ReservationRejected(id, r.id(), r.examType(), r.site(), r.start(), r.end(),
                    decided, r.correlationId(), r.reason().orElseThrow(() -> new IllegalArgumentException(
                            "a rejected reservation has a reason")), replaces);
            case CANCELLED -> new ReservationCancelled(id, r.id(), r.examType(), r.site(), r.start(), r.end(),
                    r.cancelledAt().orElse(decided), r.correlationId(), r.movedTo());
            case HELD -> throw new IllegalArgumentException("a HELD offer has no outcome event");
            case PENDING -> throw new IllegalArgumentException("a PENDING reservation has no outcome event");
        };
    }

    /** Deterministic: the same outcome of the same reservation always has the same id. */
    static String eventId(ReservationId reservation, ReservationStatus outcome) {
        return UUID.nameUUIDFromBytes((reservation.value() + "/" + outcome.name()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
