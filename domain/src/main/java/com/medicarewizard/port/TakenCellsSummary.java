package com.medicarewizard.port;

import com.medicarewizard.domain.center.Cell;
import com.medicarewizard.domain.center.ResourceId;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/**
 * A summary of the {@link SlotLedger}'s taken cells, kept from the ledger's change stream so that
 * availability reads a few small items instead of every claim (docs/adr/0014). Each change names one
 * cell and says only whether it is taken now, so changes of different cells commute and a change
 * applied twice is applied once: the summary converges on the ledger whatever the interleaving of
 * the stream's shards and its redeliveries, as long as one cell's changes come in their order.
 * Its reads may lag the ledger: it is no source of truth, and can be rebuilt from the ledger.
 */
public interface TakenCellsSummary extends TakenCellsView {

    /** Marks the cell taken; marking it again changes nothing. */
    void markTaken(Cell cell);

    /** Marks the cell free; marking a free cell free changes nothing. */
    void markFree(Cell cell);

    /** The cells marked taken within {@code [from, to)}, read strongly consistent: what a rebuild compares with the ledger. */
    Set<Cell> cells(Collection<ResourceId> resources, Instant from, Instant to);
}
