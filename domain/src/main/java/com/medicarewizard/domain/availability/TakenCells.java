package com.medicarewizard.domain.availability;

import com.medicarewizard.domain.center.Cell;
import com.medicarewizard.domain.center.ResourceId;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** The cells already claimed, as read from the slot ledger for the span in question. */
public final class TakenCells {
    private final Set<Cell> taken;

    public TakenCells(Collection<Cell> taken) {
        this.taken = new HashSet<>(taken);
    }

    public static TakenCells none() {
        return new TakenCells(Set.of());
    }

    public boolean isFree(ResourceId resource, Occupancy occupancy) {
        for (Instant t = occupancy.from(); t.isBefore(occupancy.to()); t = t.plus(Cell.SIZE)) {
            if (taken.contains(new Cell(resource, t))) {
                return false;
            }
        }
        return true;
    }
}
