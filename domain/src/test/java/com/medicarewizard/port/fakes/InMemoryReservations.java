package com.medicarewizard.port.fakes;

import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.port.ReservationChanges;
import com.medicarewizard.port.Reservations;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Reservations in memory for the functions' unit tests, held to
 * {@link com.medicarewizard.port.contract.ReservationsContract}: the version condition and the
 * per-patient idempotency keys of the real stores, each write decided under one lock. Tests can
 * make the next updates meet a concurrent writer ({@link #interfereWithNextUpdate}). As
 * {@link ReservationChanges} it wakes waiters on every write (as the embedded table's stream does once
 * a write is durable), or refuses to wait at all ({@link #refuseWaits}) as a full adapter does.
 */
public final class InMemoryReservations implements Reservations, ReservationChanges {
    private final Map<ReservationId, Reservation> byId = new HashMap<>();
    private final Map<String, ReservationId> byKey = new HashMap<>();
    private final Map<ReservationId, Waiting> resent = new HashMap<>();
    private final Map<ReservationId, DecisionLease> leases = new HashMap<>();
    private final Deque<UnaryOperator<Reservation>> interferences = new ArrayDeque<>();
    private int updates;
    private boolean refuseWaits;
    private boolean failFindAll;

    @Override
    public synchronized Created create(Reservation pending, Optional<String> idempotencyKey) {
        Optional<String> key = idempotencyKey.map(k -> pending.patient() + "\n" + k);
        Optional<ReservationId> seen = key.map(byKey::get);
        if (seen.isPresent()) {
            return new Created(byId.get(seen.get()), false);
        }
        if (byId.containsKey(pending.id())) {
            throw new ConcurrentChangeException(pending.id(), Optional.of(byId.get(pending.id())));
        }
        byId.put(pending.id(), pending);
        key.ifPresent(k -> byKey.put(k, pending.id()));
        notifyAll();
        return new Created(pending, true);
    }

    @Override
    public synchronized Optional<Reservation> find(ReservationId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public List<Optional<Reservation>> findAll(List<ReservationId> ids) {
        synchronized (this) {
            if (failFindAll) {
                throw new IllegalStateException("table unavailable: batch read timed out");
            }
        }
        return Reservations.super.findAll(ids);
    }

    /** From now on every {@link #findAll} fails (a batch read that times out), or works again. */
    public synchronized void failFindAll(boolean fail) {
        failFindAll = fail;
    }

    @Override
    public synchronized List<Reservation> ofPatient(PatientId patient) {
        // an anonymised reservation is no one's, as the table's byPatient index leaves it out
        return byId.values().stream().filter(r -> r.patient().equals(patient) && !patient.isErased())
                .sorted(Comparator.comparing(Reservation::start).reversed()).toList();
    }

    @Override
    public synchronized Reservation update(Reservation next) {
        interfere(next.id());
        Reservation stored = byId.get(next.id());
        if (stored == null || stored.version() != next.version()) {
            throw new ConcurrentChangeException(next.id(), Optional.ofNullable(stored));
        }
        Reservation saved = next.withVersion(next.version() + 1);
        byId.put(next.id(), saved);
        // a whole new record, as a put in the table: the sweeper's bookkeeping and the decision lease go
        resent.remove(next.id());
        leases.remove(next.id());
        updates++;
        notifyAll();
        return saved;
    }

    @Override
    public synchronized Moved storeMove(Reservation confirmed, Reservation moved) {
        interfere(confirmed.id());
        for (Reservation next : List.of(confirmed, moved)) {
            Reservation stored = byId.get(next.id());
            if (stored == null || stored.version() != next.version()) {
                throw new ConcurrentChangeException(next.id(), Optional.ofNullable(stored));
            }
        }
        Reservation savedConfirmed = confirmed.withVersion(confirmed.version() + 1);
        Reservation savedMoved = moved.withVersion(moved.version() + 1);
        byId.put(confirmed.id(), savedConfirmed);
        byId.put(moved.id(), savedMoved);
        for (ReservationId id : List.of(confirmed.id(), moved.id())) {
            resent.remove(id);
            leases.remove(id);
        }
        updates++;
        notifyAll();
        return new Moved(savedConfirmed, savedMoved);
    }

    @Override
    public synchronized Optional<Reservation> recordCancelRequest(ReservationId id, PatientId patient, Instant at) {
        interfere(id);
        Reservation stored = byId.get(id);
        if (stored == null || !stored.patient().equals(patient)) {
            return Optional.empty();
        }
        if (!stored.isCancellable() || stored.cancelRequestedAt().isPresent()) {
            return Optional.of(stored);
        }
        Reservation saved = stored.requestCancellation(at).withVersion(stored.version() + 1);
        byId.put(id, saved);
        updates++;
        notifyAll();
        return Optional.of(saved);
    }

    @Override
    public synchronized Optional<Reservation> recordCenterCancellation(ReservationId id, Instant at) {
        interfere(id);
        Reservation stored = byId.get(id);
        if (stored == null || stored.status() != ReservationStatus.CONFIRMED || stored.cancelRequestedAt().isPresent()) {
            return Optional.ofNullable(stored);
        }
        Reservation saved = stored.requestCenterCancellation(at).withVersion(stored.version() + 1);
        byId.put(id, saved);
        updates++;
        notifyAll();
        return Optional.of(saved);
    }

    private void interfere(ReservationId id) {
        UnaryOperator<Reservation> interference = interferences.poll();
        if (interference != null && byId.containsKey(id)) {
            Reservation stored = byId.get(id);
            byId.put(id, interference.apply(stored).withVersion(stored.version() + 1));
            notifyAll();
        }
    }

    @Override
    public synchronized List<Reservation> pendingSince(Instant before, int limit) {
        return byId.values().stream()
                .filter(r -> r.status() == ReservationStatus.PENDING && r.requestedAt().isBefore(before))
                .sorted(Comparator.comparing(Reservation::requestedAt)).limit(limit).toList();
    }

    @Override
    public synchronized List<Reservation> unsettledSince(Instant before, int limit) {
        return byId.values().stream()
                .filter(r -> r.settleBy().filter(by -> by.isBefore(before)).isPresent())
                .sorted(Comparator.comparing(r -> r.settleBy().orElseThrow())).limit(limit).toList();
    }

    @Override
    public synchronized List<Waiting> waitingSince(Instant before, int limit) {
        return pendingSince(before, limit).stream().map(r -> {
            Waiting sent = resent.get(r.id());
            return sent == null ? new Waiting(r, r.requestedAt(), 0) : new Waiting(r, sent.lastQueuedAt(), sent.resends());
        }).toList();
    }

    @Override
    public synchronized boolean recordResent(ReservationId id, Instant at) {
        Reservation stored = byId.get(id);
        if (stored == null || stored.status() != ReservationStatus.PENDING) {
            return false;
        }
        Waiting before = resent.get(id);
        resent.put(id, new Waiting(stored, at, before == null ? 1 : before.resends() + 1));
        return true;
    }

    @Override
    public synchronized boolean leaseDecision(ReservationId id, DecisionLease lease, Instant now) {
        Reservation stored = byId.get(id);
        DecisionLease held = leases.get(id);
        if (stored == null || stored.status() != ReservationStatus.PENDING
                || held != null && !held.holder().equals(lease.holder()) && held.liveAt(now)) {
            return false;
        }
        leases.put(id, lease);
        return true;
    }

    @Override
    public synchronized List<Reservation> decidedSince(Instant since) {
        return byId.values().stream()
                .filter(r -> r.status() == ReservationStatus.CONFIRMED || r.status() == ReservationStatus.REJECTED)
                .filter(r -> r.decidedAt().filter(d -> !d.isBefore(since)).isPresent()).toList();
    }

    /** Whether the request carries a decision lease, live or ended: what {@link InMemoryDecisions} refuses to write over. */
    public synchronized boolean leased(ReservationId id) {
        return leases.containsKey(id);
    }

    /** Stores a reservation as it is (a test's way of putting another writer's work in place). */
    public synchronized void put(Reservation reservation) {
        byId.put(reservation.id(), reservation);
        resent.remove(reservation.id());
        leases.remove(reservation.id());
        notifyAll();
    }

    /** Waits on this store's monitor, woken by every write, until {@code seen} is stored other than it was. */
    @Override
    public synchronized Awaited awaitChange(Reservation seen, Duration within) throws InterruptedException {
        if (refuseWaits) {
            return Awaited.notWaited(seen);
        }
        long end = System.nanoTime() + within.toNanos();
        Optional<Reservation> current = find(seen.id());
        while (current.isPresent() && current.get().equals(seen)) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                break;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
            current = find(seen.id());
        }
        return Awaited.found(current);
    }

    /** From now on every {@link #awaitChange} answers at once, not waited: an adapter with no room for one more waiter. */
    public synchronized void refuseWaits() {
        refuseWaits = true;
    }

    /**
     * The next update or recorded cancel request not yet interfered with finds the reservation
     * changed by {@code change} first (its version one higher), as if another writer raced it. A {@code change} that throws is a
     * store that failed: the update throws that and changes nothing.
     */
    public synchronized void interfereWithNextUpdate(UnaryOperator<Reservation> change) {
        interferences.add(change);
    }

    public synchronized Map<ReservationId, Reservation> snapshot() {
        return Map.copyOf(byId);
    }

    /** How many updates were stored (failed ones not counted). */
    public synchronized int updates() {
        return updates;
    }
}
