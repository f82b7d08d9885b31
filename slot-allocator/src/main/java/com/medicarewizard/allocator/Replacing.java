package com.medicarewizard.allocator;

import com.medicarewizard.domain.availability.Occupancy;
import com.medicarewizard.domain.center.Cell;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The CONFIRMED reservation a move replaces, with the cells it holds: its resources over its
 * occupancy. A move's new time may share some of them (half an hour later on the same scanner): those
 * the move takes over from it rather than claims, and hands back if the move does not happen.
 */
record Replacing(ReservationId reservation, List<ResourceId> resources, Set<Cell> cells) {

    static Replacing of(Reservation replaced, Occupancy occupancy) {
        Set<Cell> cells = new LinkedHashSet<>();
        replaced.resources().forEach(resource -> cells.addAll(occupancy.cells(resource)));
        return new Replacing(replaced.id(), replaced.resources(), Set.copyOf(cells));
    }

    /** Of {@code cells}, those the replaced reservation holds. */
    List<Cell> shared(List<Cell> cells) {
        return cells.stream().filter(this.cells::contains).toList();
    }

    /** Of {@code cells}, those it does not hold. */
    List<Cell> fresh(List<Cell> cells) {
        return cells.stream().filter(cell -> !this.cells.contains(cell)).toList();
    }

    /** The replaced reservation's own resources first: a move keeps the patient's room where it can. */
    <T> Comparator<T> ownResourcesFirst(java.util.function.Function<T, ResourceId> resource) {
        return Comparator.comparing(candidate -> !resources.contains(resource.apply(candidate)));
    }

    /** Every cell it holds, for releasing what is left of it once the move is stored. */
    List<Cell> allCells() {
        return List.copyOf(cells);
    }
}
