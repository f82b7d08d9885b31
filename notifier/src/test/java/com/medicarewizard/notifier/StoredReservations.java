package com.medicarewizard.notifier;

import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.port.Reservations;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The reservations the retrier reads back; the notifier never writes them. */
record StoredReservations(Map<ReservationId, Reservation> byId) implements Reservations {

    @Override
    public Optional<Reservation> find(ReservationId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Created create(Reservation pending, Optional<String> idempotencyKey) {
        throw new UnsupportedOperationException("the notifier only reads reservations");
    }

    @Override
    public List<Reservation> ofPatient(PatientId patient) {
        throw new UnsupportedOperationException("the notifier only reads reservations by id");
    }

    @Override
    public Reservation update(Reservation next) {
        throw new UnsupportedOperationException("the notifier only reads reservations");
    }

    @Override
    public Moved storeMove(Reservation confirmed, Reservation moved) {
        throw new UnsupportedOperationException("the notifier only reads reservations");
    }

    @Override
    public Optional<Reservation> recordCancelRequest(ReservationId id, PatientId patient, Instant at) {
        throw new UnsupportedOperationException("the notifier only reads reservations");
    }

    @Override
    public Optional<Reservation> recordCenterCancellation(ReservationId id, Instant at) {
        throw new UnsupportedOperationException("the notifier only reads reservations");
    }

    @Override
    public List<Reservation> pendingSince(Instant before, int limit) {
        throw new UnsupportedOperationException("the notifier only reads reservations by id");
    }

    @Override
    public List<Reservation> unsettledSince(Instant before, int limit) {
        throw new UnsupportedOperationException("the notifier only reads reservations by id");
    }

    @Override
    public List<Waiting> waitingSince(Instant before, int limit) {
        throw new UnsupportedOperationException("the notifier only reads reservations by id");
    }

    @Override
    public boolean recordResent(ReservationId id, Instant at) {
        throw new UnsupportedOperationException("the notifier only reads reservations by id");
    }

    @Override
    public boolean leaseDecision(ReservationId id, DecisionLease lease, Instant now) {
        throw new UnsupportedOperationException("the notifier only reads reservations by id");
    }

    @Override
    public List<Reservation> decidedSince(Instant since) {
        throw new UnsupportedOperationException("the notifier only reads reservations by id");
    }
}
