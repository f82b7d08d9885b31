package com.medicarewizard.domain.availability;

import com.medicarewizard.domain.center.Cell;
import com.medicarewizard.domain.center.ResourceId;

import java.time.Instant;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The cells already claimed, as read from the slot ledger for the span in question: one bit per
 * cell and resource, counted from the earliest taken cell, so asking whether an occupancy is free
 * is one scan for the next set bit instead of a lookup per cell.
 */
public final class TakenCells {
    private static final long CELL_SECONDS = Cell.SIZE.toSeconds();

    private final Map<ResourceId, BitSet> byResource = new HashMap<>();
    private final long base;

    public TakenCells(Collection<Cell> taken) {
        long earliest = Long.MAX_VALUE;
        for (Cell cell : taken) {
            earliest = Math.min(earliest, cellNumber(cell.start()));
        }
        this.base = earliest;
        for (Cell cell : taken) {
            byResource.computeIfAbsent(cell.resource(), r -> new BitSet()).set(offset(cellNumber(cell.start()), base));
        }
    }

    /** Collects taken cells one by one, without a {@link Cell} each, for readers of many cells. */
    public static Builder builder() {
        return new Builder();
    }

    private TakenCells(Map<ResourceId, long[]> cellNumbers, Map<ResourceId, Integer> counts, long base) {
        this.base = base;
        cellNumbers.forEach((resource, numbers) -> {
            BitSet bits = new BitSet();
            for (int i = 0, n = counts.get(resource); i < n; i++) {
                bits.set(offset(numbers[i], base));
            }
            byResource.put(resource, bits);
        });
    }

    public static final class Builder {
        private final Map<ResourceId, long[]> cellNumbers = new HashMap<>();
        private final Map<ResourceId, Integer> counts = new HashMap<>();
        private long earliest = Long.MAX_VALUE;
        private ResourceId current;
        private long[] numbers;
        private int count;

        private Builder() {
        }

        /** Adds the cell of {@code resource} starting at {@code start}, a cell boundary. */
        public Builder add(ResourceId resource, Instant start) {
            return add(resource, start.getEpochSecond());
        }

        /** Adds the cell of {@code resource} starting {@code epochSecond} seconds after the epoch. */
        public Builder add(ResourceId resource, long epochSecond) {
            if (!resource.equals(current)) {
                switchTo(resource);
            }
            long number = Math.floorDiv(epochSecond, CELL_SECONDS);
            earliest = Math.min(earliest, number);
            if (count == numbers.length) {
                numbers = java.util.Arrays.copyOf(numbers, numbers.length * 2);
            }
            numbers[count++] = number;
            return this;
        }

        /** Adds the cells of {@code resource} starting at each of {@code epochSeconds}, all cell boundaries. */
        public Builder add(ResourceId resource, long[] epochSeconds) {
            for (long epochSecond : epochSeconds) {
                add(resource, epochSecond);
            }
            return this;
        }

        private void switchTo(ResourceId resource) {
            park();
            current = resource;
            numbers = cellNumbers.getOrDefault(resource, new long[64]);
            count = counts.getOrDefault(resource, 0);
        }

        private void park() {
            if (current != null) {
                cellNumbers.put(current, numbers);
                counts.put(current, count);
            }
        }

        public TakenCells build() {
            park();
            current = null;
            return new TakenCells(cellNumbers, counts, earliest);
        }
    }

    private static int offset(long cellNumber, long base) {
        long offset = cellNumber - base;
        if (offset > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("taken cells span more than " + Integer.MAX_VALUE + " cells");
        }
        return (int) offset;
    }

    public static TakenCells none() {
        return new TakenCells(java.util.List.of());
    }

    public boolean isFree(ResourceId resource, Occupancy occupancy) {
        BitSet bits = byResource.get(resource);
        if (bits == null) {
            return true;
        }
        long from = Math.max(0, cellNumber(occupancy.from()) - base);
        long to = Math.floorDiv(occupancy.to().getEpochSecond() + CELL_SECONDS - 1, CELL_SECONDS) - base;
        if (to <= from || from > Integer.MAX_VALUE) {
            return true;
        }
        int next = bits.nextSetBit((int) from);
        return next < 0 || next >= to;
    }

    private static long cellNumber(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), CELL_SECONDS);
    }
}
