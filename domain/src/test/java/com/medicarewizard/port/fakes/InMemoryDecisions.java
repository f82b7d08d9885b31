package com.medicarewizard.port.fakes;

import com.medicarewizard.domain.center.Cell;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.port.Decisions;
import com.medicarewizard.port.Reservations;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@link Decisions} over the in-memory reservations and ledger, held to
 * {@link com.medicarewizard.port.contract.DecisionsContract}: the confirmation is decided under both
 * stores' locks (the ledger's first, as nothing else takes both), so it writes both or neither, as the
 * table's transaction does.
 */
public final class InMemoryDecisions implements Decisions {
    private final InMemoryReservations reservations;
    private final InMemorySlotLedger ledger;

    public InMemoryDecisions(InMemoryReservations reservations, InMemorySlotLedger ledger) {
        this.reservations = reservations;
        this.ledger = ledger;
    }

    @Override
    public Optional<Reservation> reject(Reservation rejected) {
        Decisions.validateRejection(rejected);
        synchronized (reservations) {
            var stored = reservations.find(rejected.id());
            if (stored.isEmpty() || stored.get().version() != rejected.version()) {
                throw new Reservations.ConcurrentChangeException(rejected.id(), stored);
            }
            if (reservations.leased(rejected.id())) {
                return Optional.empty();
            }
            return Optional.of(reservations.update(rejected));
        }
    }

    @Override
    public Confirmation confirm(Reservation confirmed, List<Cell> cells) {
        Decisions.validate(confirmed, cells);
        ReservationId owner = confirmed.id();
        synchronized (ledger) {
            synchronized (reservations) {
                Map<Cell, ReservationId> held = ledger.all();
                Set<Cell> taken = cells.stream().filter(cell -> held.containsKey(cell) && !held.get(cell).equals(owner))
                        .collect(Collectors.toSet());
                // the request's own condition first: the table's transaction reports it first too
                var stored = reservations.find(owner);
                if (stored.isEmpty() || stored.get().version() != confirmed.version()) {
                    throw new Reservations.ConcurrentChangeException(owner, stored);
                }
                if (reservations.leased(owner)) {
                    return new Leased();
                }
                if (!taken.isEmpty()) {
                    return new Taken(taken);
                }
                // a test's interference with the next update makes this throw: then nothing is claimed
                Reservation saved = reservations.update(confirmed);
                ledger.claim(owner, cells);
                return new Stored(saved);
            }
        }
    }
}
