package com.medicarewizard.allocator;

import com.medicarewizard.domain.availability.BookingRules;
import com.medicarewizard.domain.availability.Occupancy;
import com.medicarewizard.domain.center.Cell;
import com.medicarewizard.domain.center.ExamType;
import com.medicarewizard.domain.center.Resource;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.center.ResourceKind;
import com.medicarewizard.domain.center.Site;
import com.medicarewizard.domain.reservation.Decision;
import com.medicarewizard.domain.reservation.RejectionReason;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.port.SlotLedger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Claims one open resource of every kind an exam needs for its whole occupancy, kind by kind in
 * a fixed order and resource by resource in the center's order. If some kind has no free resource,
 * what was claimed is released again: a request never keeps one resource without the others.
 * Candidates are tried in the same order on every attempt, so a redelivered request finds the cells
 * it already holds and, unless the time around it changed meanwhile, ends with the same choice.
 * An attempt that fails half-way (the ledger times out) releases what it touched before failing,
 * so a redelivery that chooses otherwise leaves nothing behind. Releasing in the request's name is
 * safe only while no other attempt claims in that name: the caller holds the request's decision lease.
 *
 * <p>A move ({@link Replacing}) tries the replaced reservation's resources first, takes over the cells
 * its new time shares with the replaced one ({@link SlotLedger#claimFrom}) and claims the others; every
 * undo hands the shared cells back to the replaced reservation instead of releasing them, so a move that
 * does not happen leaves the replaced booking holding all its time.
 */
final class ResourceClaims {
    private final SlotLedger ledger;

    ResourceClaims(SlotLedger ledger) {
        this.ledger = ledger;
    }

    SlotLedger ledger() {
        return ledger;
    }

    Decision claim(BookingRules rules, ReservationId owner, ExamType exam, Site site, Occupancy occupancy,
                   Optional<Replacing> replacing) {
        List<ResourceId> touched = new ArrayList<>();
        try {
            return claimEveryKind(rules, owner, exam, site, occupancy, replacing, touched);
        } catch (RuntimeException e) {
            releaseAfterFailure(owner, touched, occupancy, replacing, e);
            throw e;
        }
    }

    private Decision claimEveryKind(BookingRules rules, ReservationId owner, ExamType exam, Site site,
                                    Occupancy occupancy, Optional<Replacing> replacing, List<ResourceId> touched) {
        List<ResourceId> held = new ArrayList<>();
        for (ResourceKind kind : BookingRules.kindsInOrder(exam)) {
            List<Resource> candidates = rules.openCandidates(exam, site, kind, occupancy);
            if (replacing.isPresent()) {
                candidates = candidates.stream().sorted(replacing.get().ownResourcesFirst(Resource::id)).toList();
            }
            var claimed = claimOne(owner, candidates, occupancy, replacing, touched);
            if (claimed == null) {
                release(owner, held, occupancy, replacing);
                return new Decision.Rejected(RejectionReason.SLOT_TAKEN);
            }
            held.add(claimed);
        }
        return new Decision.Confirmed(held);
    }

    private ResourceId claimOne(ReservationId owner, List<Resource> candidates, Occupancy occupancy,
                                Optional<Replacing> replacing, List<ResourceId> touched) {
        for (Resource candidate : candidates) {
            touched.add(candidate.id());
            if (claimCells(owner, occupancy.cells(candidate.id()), replacing)) {
                return candidate.id();
            }
        }
        return null;
    }

    /** All the cells or none: a move's shared cells are taken over first, and handed back if the others are taken. */
    private boolean claimCells(ReservationId owner, List<Cell> cells, Optional<Replacing> replacing) {
        if (replacing.isEmpty()) {
            return ledger.claim(owner, cells);
        }
        ReservationId previous = replacing.get().reservation();
        List<Cell> shared = replacing.get().shared(cells);
        if (!shared.isEmpty() && !ledger.claimFrom(owner, previous, shared)) {
            return false;
        }
        List<Cell> fresh = replacing.get().fresh(cells);
        if (fresh.isEmpty() || ledger.claim(owner, fresh)) {
            return true;
        }
        ledger.handBack(owner, previous, shared);
        return false;
    }

    /**
     * Best effort, release-if-owner on every resource this attempt tried (the one whose claim failed
     * may be partly held). The request is still PENDING and this attempt holds its decision lease, so no
     * other attempt claims in its name meanwhile and none of these cells belongs to a stored decision.
     * If the ledger is still down, the cells stay held by the request until it is cancelled or decided on
     * the same resources.
     */
    private void releaseAfterFailure(ReservationId owner, List<ResourceId> touched, Occupancy occupancy,
                                     Optional<Replacing> replacing, RuntimeException failure) {
        try {
            release(owner, touched, occupancy, replacing);
        } catch (RuntimeException stillFailing) {
            failure.addSuppressed(stillFailing);
        }
    }

    /**
     * Lets go of what {@code owner} holds of those resources over the occupancy: released, or for a move
     * ({@code replacing}, given only while the replaced reservation is still CONFIRMED) the shared cells
     * handed back to the replaced one.
     */
    void release(ReservationId owner, List<ResourceId> resources, Occupancy occupancy, Optional<Replacing> replacing) {
        resources.forEach(resource -> letGo(owner, occupancy.cells(resource), replacing));
    }

    /** As {@link #release}, reading first what {@code owner} still holds there: usually nothing. */
    void releaseLeftovers(ReservationId owner, List<ResourceId> resources, Occupancy occupancy,
                          Optional<Replacing> replacing) {
        List<Cell> held = ledger.holders(resources, occupancy.from(), occupancy.to()).entrySet().stream()
                .filter(holder -> holder.getValue().equals(owner)).map(Map.Entry::getKey).toList();
        if (!held.isEmpty()) {
            letGo(owner, held, replacing);
        }
    }

    private void letGo(ReservationId owner, List<Cell> cells, Optional<Replacing> replacing) {
        if (replacing.isEmpty()) {
            ledger.release(owner, cells);
            return;
        }
        List<Cell> shared = replacing.get().shared(cells);
        if (!shared.isEmpty()) {
            ledger.handBack(owner, replacing.get().reservation(), shared);
        }
        List<Cell> fresh = replacing.get().fresh(cells);
        if (!fresh.isEmpty()) {
            ledger.release(owner, fresh);
        }
    }
}
