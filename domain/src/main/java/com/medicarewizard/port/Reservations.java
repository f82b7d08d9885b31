package com.medicarewizard.port;

import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable record of reservation requests and their outcomes: the source of truth for every
 * request the intake accepted. Changes are conditional on the stored version, never blind.
 */
public interface Reservations {

    /**
     * Stores a new PENDING request, once. With an idempotency key, a second request from the same
     * patient with the same key creates nothing and answers the reservation the first one created.
     */
    Created create(Reservation pending, Optional<String> idempotencyKey);

    /** What {@link #create} did: {@code isNew} is false when the idempotency key was seen before. */
    record Created(Reservation reservation, boolean isNew) {
    }

    Optional<Reservation> find(ReservationId id);

    /** The patient's reservations, newest start first. */
    List<Reservation> ofPatient(PatientId patient);

    /**
     * The patient's reservations that start later than {@code after}, newest start first: what
     * {@link com.medicarewizard.domain.reservation.ActiveBookingsLimit} counts. Adapters read only those.
     */
    default List<Reservation> ofPatientStartingAfter(PatientId patient, Instant after) {
        return ofPatient(patient).stream().filter(r -> r.start().isAfter(after)).toList();
    }

    /**
     * Replaces the stored reservation with {@code next} if the stored one still has
     * {@code next.version()}; returns what was stored (its version one higher).
     *
     * @throws ConcurrentChangeException when it changed meanwhile (or does not exist)
     */
    Reservation update(Reservation next);

    /**
     * Records that {@code patient} asked to cancel reservation {@code id} at {@code at}, in one
     * conditional write: only on the patient's own reservation, only while it is PENDING or
     * CONFIRMED, and only once (a second request keeps the first one's time). The allocator cancels
     * nothing without this record, so the intake records it before it queues the CANCEL command.
     *
     * @return the reservation as stored afterwards (unchanged when it was not cancellable or the
     *     request was already recorded); empty when no reservation {@code id} belongs to {@code patient}
     */
    Optional<Reservation> recordCancelRequest(ReservationId id, PatientId patient, Instant at);

    /** Requests still PENDING that were accepted before {@code before}, oldest first. */
    List<Reservation> pendingSince(Instant before, int limit);

    /** Reservations decided (confirmed or rejected) at or after {@code since}. */
    List<Reservation> decidedSince(Instant since);

    /** The stored reservation changed since it was read; {@code current} is what is there now. */
    final class ConcurrentChangeException extends RuntimeException {
        private final transient Optional<Reservation> current;

        public ConcurrentChangeException(ReservationId id, Optional<Reservation> current) {
            super("reservation " + id + " changed concurrently");
            this.current = current;
        }

        public Optional<Reservation> current() {
            return current;
        }
    }
}
