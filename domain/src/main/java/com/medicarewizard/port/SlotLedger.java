package com.medicarewizard.port;

import com.medicarewizard.domain.availability.TakenCells;
import com.medicarewizard.domain.center.Cell;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.reservation.ReservationId;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Who holds each resource-time cell. The allocator is its single writer and every write is
 * conditional, so a cell is never held by two reservations, whatever the redeliveries or crashes.
 * It is also the strongly consistent {@link TakenCellsView}: what the embedded runtime's availability reads.
 */
public interface SlotLedger extends TakenCellsView {

    /**
     * Claims every cell for {@code owner}, each claim-if-absent (a cell {@code owner} already holds
     * counts as claimed, so a redelivered request can claim again). When one cell is held by
     * another reservation, releases the cells of this call it holds and answers false.
     */
    boolean claim(ReservationId owner, List<Cell> cells);

    /**
     * Claims every cell for {@code owner} as {@link #claim} does, and takes over those {@code previous}
     * holds: how a move keeps the cells its new time shares with the reservation it replaces. When one
     * cell is held by a third reservation, hands every cell of this call {@code owner} holds to
     * {@code previous} ({@link #handBack}) and answers false. Callers pass only cells {@code previous}
     * holds or may hold (its resources within its occupancy), so that handing back never gives
     * {@code previous} a cell that was not its own or free.
     */
    boolean claimFrom(ReservationId owner, ReservationId previous, List<Cell> cells);

    /** Those of the cells that {@code owner} holds become {@code previous}'s (hand-over-if-owner); others stay. */
    void handBack(ReservationId owner, ReservationId previous, List<Cell> cells);

    /** Releases those of the cells that {@code owner} holds (release-if-owner); others stay. */
    void release(ReservationId owner, List<Cell> cells);

    /** The held cells of the resources within {@code [from, to)}, with their holders. */
    Map<Cell, ReservationId> holders(Collection<ResourceId> resources, Instant from, Instant to);

    /**
     * The same cells as {@link #holders}, without their holders: what availability reads, often
     * thousands of cells per answer, so adapters may read them more cheaply.
     */
    @Override
    default TakenCells taken(Collection<ResourceId> resources, Instant from, Instant to) {
        return new TakenCells(holders(resources, from, to).keySet());
    }
}
