package com.medicarewizard.domain.center;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The unit of occupancy: one resource during one {@link #SIZE}-long span starting at {@code start}.
 * A booking claims every cell of its occupancy on each of its resources; two bookings overlap on a
 * resource exactly when they would claim a common cell, so a claim-if-absent per cell is enough to
 * keep them apart.
 */
public record Cell(ResourceId resource, Instant start) {
    public static final Duration SIZE = Duration.ofMinutes(5);

    public Cell {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(start, "start");
        if (start.getEpochSecond() % SIZE.toSeconds() != 0 || start.getNano() != 0) {
            throw new IllegalArgumentException("a cell starts on a " + SIZE.toMinutes() + "-minute boundary");
        }
    }

    /** The cells of {@code resource} covering {@code [from, to)}; both ends on cell boundaries. */
    public static List<Cell> covering(ResourceId resource, Instant from, Instant to) {
        List<Cell> cells = new ArrayList<>();
        for (Instant t = from; t.isBefore(to); t = t.plus(SIZE)) {
            cells.add(new Cell(resource, t));
        }
        return cells;
    }
}
