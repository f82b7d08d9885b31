package com.medicarewizard.port;

import com.medicarewizard.domain.center.Cell;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationStatus;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A request's confirmation and the claims of its cells, stored as one all-or-nothing write
 * (DynamoDB's TransactWriteItems): the allocator's one write per decision, where claiming cell by
 * cell through the {@link SlotLedger} costs a call per cell (docs/adr/0015). Nothing is ever held
 * half-way, so no other attempt can find cells claimed in the request's name and none needs the
 * request's decision lease.
 */
public interface Decisions {

    /** The most cells one confirmation claims: a transaction takes 100 writes, one of them the reservation's. */
    int MAX_CELLS = 99;

    /**
     * Claims every cell for {@code confirmed} (each claim-if-absent-or-mine, as {@link SlotLedger#claim})
     * and stores {@code confirmed}, a request decided CONFIRMED, if the stored request still has
     * {@code confirmed.version()} and carries no decision lease ({@link Reservations#leaseDecision}):
     * all or nothing.
     *
     * @return {@link Stored} with the reservation as stored (its version one higher); or, with nothing
     *     written, {@link Taken} naming cells another reservation holds (at least one of them), or
     *     {@link Leased} when the request carries a decision lease (an attempt claiming cell by cell
     *     is deciding it, or was)
     * @throws Reservations.ConcurrentChangeException when the stored request changed meanwhile (or does
     *     not exist); nothing was written
     * @throws IllegalArgumentException for a reservation that is not CONFIRMED, no cells, or more than
     *     {@value #MAX_CELLS}
     */
    Confirmation confirm(Reservation confirmed, List<Cell> cells);

    /**
     * Stores {@code rejected}, a request decided REJECTED, if the stored request still has
     * {@code rejected.version()} and carries no decision lease. A lease means an attempt claimed cells
     * in the request's name cell by cell, which only that path lets go of: a rejection must not be
     * written over them here.
     *
     * @return the reservation as stored (its version one higher), or empty when the request carries a
     *     lease: nothing was written
     * @throws Reservations.ConcurrentChangeException when the stored request changed meanwhile (or does
     *     not exist); nothing was written
     * @throws IllegalArgumentException for a reservation that is not REJECTED
     */
    Optional<Reservation> reject(Reservation rejected);

    /** What {@link #confirm} did. */
    sealed interface Confirmation {
    }

    /** Stored, with every cell claimed. */
    record Stored(Reservation reservation) implements Confirmation {
        public Stored {
            Objects.requireNonNull(reservation, "reservation");
        }
    }

    /** Nothing written: these cells (not necessarily all of those taken) are held by other reservations. */
    record Taken(Set<Cell> cells) implements Confirmation {
        public Taken {
            if (cells.isEmpty()) {
                throw new IllegalArgumentException("a refusal names at least one taken cell");
            }
            cells = Set.copyOf(cells);
        }
    }

    /** Nothing written: the request carries a decision lease, so it is decided cell by cell under it. */
    record Leased() implements Confirmation {
    }

    /** What {@link #reject} refuses before writing anything. */
    static void validateRejection(Reservation rejected) {
        if (rejected.status() != ReservationStatus.REJECTED) {
            throw new IllegalArgumentException("only a rejection is stored this way, not " + rejected.status());
        }
    }

    /** What {@link #confirm} refuses before writing anything. */
    static void validate(Reservation confirmed, List<Cell> cells) {
        if (confirmed.status() != ReservationStatus.CONFIRMED && confirmed.status() != ReservationStatus.HELD) {
            throw new IllegalArgumentException("only a confirmation is stored with its cells, not " + confirmed.status());
        }
        if (cells.isEmpty() || cells.size() > MAX_CELLS) {
            throw new IllegalArgumentException("a confirmation claims 1 to " + MAX_CELLS + " cells, not " + cells.size());
        }
        if (Set.copyOf(cells).size() != cells.size()) {
            throw new IllegalArgumentException("a cell is claimed once: " + cells);
        }
    }
}
