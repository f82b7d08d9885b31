package com.medicarewizard.port;

import com.medicarewizard.domain.availability.TakenCells;
import com.medicarewizard.domain.center.ResourceId;

import java.time.Instant;
import java.util.Collection;

/**
 * What availability reads: which cells of some resources are taken within a span. Two kinds of
 * source answer it: the {@link SlotLedger} itself (strongly consistent, what the allocator decides
 * on) and a summary kept from the ledger's changes ({@link TakenCellsSummary}), which may lag the
 * ledger by a moment. Either is safe for availability, because an answer only guides a patient's
 * choice: the allocator decides each request on the ledger, and a start taken meanwhile is rejected
 * with alternatives.
 */
public interface TakenCellsView {

    /** The taken cells of {@code resources} within {@code [from, to)}. */
    TakenCells taken(Collection<ResourceId> resources, Instant from, Instant to);
}
