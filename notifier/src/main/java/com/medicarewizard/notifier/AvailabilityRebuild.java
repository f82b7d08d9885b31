package com.medicarewizard.notifier;

import com.medicarewizard.domain.center.Cell;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.port.SlotLedger;
import com.medicarewizard.port.TakenCellsSummary;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Makes availability's summary agree with the ledger again over a span (docs/operations.md,
 * "Availability's read model"): after a stream record was given up on, after restoring the table, or to
 * fill the summary of claims made before the projector ran. It marks what the ledger holds and the
 * summary lacks, and frees what the summary holds and the ledger does not, one resource at a time.
 *
 * <p>It runs beside the projector and the allocator: a claim changed between the rebuild's read of the
 * ledger and its write can be overwritten with the old state, if the projector applied that change in
 * between. So it compares again after writing, and writes again up to {@value #PASSES} times in all, until nothing differs;
 * what still differs after that is reported, and a later change of those cells or another rebuild mends it.
 */
public final class AvailabilityRebuild {
    private static final int PASSES = 3;
    private final SlotLedger ledger;
    private final TakenCellsSummary summary;

    public AvailabilityRebuild(SlotLedger ledger, TakenCellsSummary summary) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.summary = Objects.requireNonNull(summary, "summary");
    }

    /** What a rebuild changed, and how many cells still differed after its last pass (normally none). */
    public record Result(int marked, int freed, int stillDiffering) {
    }

    public Result run(Collection<ResourceId> resources, Instant from, Instant to) {
        int marked = 0;
        int freed = 0;
        int differing = 0;
        for (ResourceId resource : resources) {
            List<ResourceId> one = List.of(resource);
            for (int pass = 0; ; pass++) {
                Set<Cell> held = ledger.holders(one, from, to).keySet();
                Set<Cell> shown = summary.cells(one, from, to);
                Set<Cell> missing = minus(held, shown);
                Set<Cell> stale = minus(shown, held);
                if (missing.isEmpty() && stale.isEmpty() || pass == PASSES) {
                    differing += missing.size() + stale.size();
                    break;
                }
                missing.forEach(summary::markTaken);
                stale.forEach(summary::markFree);
                marked += missing.size();
                freed += stale.size();
            }
        }
        return new Result(marked, freed, differing);
    }

    private static Set<Cell> minus(Set<Cell> all, Set<Cell> but) {
        Set<Cell> rest = new HashSet<>(all);
        rest.removeAll(but);
        return rest;
    }
}
