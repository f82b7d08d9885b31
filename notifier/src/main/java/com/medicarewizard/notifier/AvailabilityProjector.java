package com.medicarewizard.notifier;

import com.medicarewizard.port.TakenCellsSummary;

import java.util.Objects;

/**
 * Keeps availability's read model ({@link TakenCellsSummary}) from the ledger's changes: each claim's
 * change marks its cell taken or free. Nothing is read first, so a record delivered twice, or the
 * records of two cells in either order, leave the same summary (docs/adr/0014).
 */
public final class AvailabilityProjector {
    private final TakenCellsSummary summary;

    public AvailabilityProjector(TakenCellsSummary summary) {
        this.summary = Objects.requireNonNull(summary, "summary");
    }

    public void apply(ClaimChange change) {
        if (change.taken()) {
            summary.markTaken(change.cell());
        } else {
            summary.markFree(change.cell());
        }
    }
}
