package com.medicarewizard.intake.fakes;

import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.port.Reservations;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Reservations in memory, with the version condition and per-patient idempotency keys of the real store. */
public final class FakeReservations implements Reservations {
    private final Map<ReservationId, Reservation> byId = new HashMap<>();
    private final Map<String, ReservationId> byKey = new HashMap<>();
    private UnaryOperator<Reservation> interference;
    private int updates;

    @Override
    public synchronized Created create(Reservation pending, Optional<String> idempotencyKey) {
        if (idempotencyKey.isPresent()) {
            ReservationId seen = byKey.get(pending.patient() + "\n" + idempotencyKey.get());
            if (seen != null) {
                return new Created(byId.get(seen), false);
            }
            byKey.put(pending.patient() + "\n" + idempotencyKey.get(), pending.id());
        }
        if (byId.putIfAbsent(pending.id(), pending) != null) {
            throw new IllegalStateException("reservation " + pending.id() + " exists");
        }
        return new Created(pending, true);
    }

    @Override
    public synchronized Optional<Reservation> find(ReservationId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized List<Reservation> ofPatient(PatientId patient) {
        return byId.values().stream().filter(r -> r.patient().equals(patient))
                .sorted(Comparator.comparing(Reservation::start).reversed()).toList();
    }

    @Override
    public synchronized Reservation update(Reservation next) {
        if (interference != null) {
            Reservation stored = byId.get(next.id());
            byId.put(next.id(), interference.apply(stored).withVersion(stored.version() + 1));
            interference = null;
        }
        Reservation stored = byId.get(next.id());
        if (stored == null || stored.version() != next.version()) {
            throw new ConcurrentChangeException(next.id(), Optional.ofNullable(stored));
        }
        Reservation saved = next.withVersion(next.version() + 1);
        byId.put(next.id(), saved);
        updates++;
        return saved;
    }

    @Override
    public synchronized List<Reservation> pendingSince(Instant before, int limit) {
        return byId.values().stream()
                .filter(r -> r.status() == ReservationStatus.PENDING && r.requestedAt().isBefore(before))
                .sorted(Comparator.comparing(Reservation::requestedAt)).limit(limit).toList();
    }

    @Override
    public synchronized List<Reservation> decidedSince(Instant since) {
        return byId.values().stream()
                .filter(r -> r.decidedAt().map(d -> !d.isBefore(since)).orElse(false)).toList();
    }

    /** Stores a reservation as it is (a test's way of putting the allocator's work in place). */
    public synchronized void put(Reservation reservation) {
        byId.put(reservation.id(), reservation);
    }

    /** The next update finds the reservation changed by {@code change} first, as if the allocator raced it. */
    public synchronized void interfereWithNextUpdate(UnaryOperator<Reservation> change) {
        interference = change;
    }

    public synchronized Map<ReservationId, Reservation> snapshot() {
        return Map.copyOf(byId);
    }

    public synchronized int updates() {
        return updates;
    }
}
