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

/**
 * Claims one open resource of every kind an exam needs for its whole occupancy, kind by kind in
 * a fixed order and resource by resource in the center's order. If some kind has no free resource,
 * what was claimed is released again: a request never keeps one resource without the others.
 * Candidates are tried in the same order on every attempt, so a redelivered request finds the cells
 * it already holds and, unless the time around it changed meanwhile, ends with the same choice.
 * An attempt that fails half-way (the ledger times out) releases what it touched before failing,
 * so a redelivery that chooses otherwise leaves nothing behind. Releasing in the request's name is
 * safe only while no other attempt claims in that name: the caller holds the request's decision lease.
 */
final class ResourceClaims {
    private final SlotLedger ledger;

    ResourceClaims(SlotLedger ledger) {
        this.ledger = ledger;
    }

    Decision claim(BookingRules rules, ReservationId owner, ExamType exam, Site site, Occupancy occupancy) {
        List<ResourceId> touched = new ArrayList<>();
        try {
            return claimEveryKind(rules, owner, exam, site, occupancy, touched);
        } catch (RuntimeException e) {
            releaseAfterFailure(owner, touched, occupancy, e);
            throw e;
        }
    }

    private Decision claimEveryKind(BookingRules rules, ReservationId owner, ExamType exam, Site site,
                                    Occupancy occupancy, List<ResourceId> touched) {
        List<ResourceId> held = new ArrayList<>();
        for (ResourceKind kind : BookingRules.kindsInOrder(exam)) {
            var claimed = claimOne(owner, rules.openCandidates(exam, site, kind, occupancy), occupancy, touched);
            if (claimed == null) {
                release(owner, held, occupancy);
                return new Decision.Rejected(RejectionReason.SLOT_TAKEN);
            }
            held.add(claimed);
        }
        return new Decision.Confirmed(held);
    }

    private ResourceId claimOne(ReservationId owner, List<Resource> candidates, Occupancy occupancy,
                                List<ResourceId> touched) {
        for (Resource candidate : candidates) {
            touched.add(candidate.id());
            if (ledger.claim(owner, occupancy.cells(candidate.id()))) {
                return candidate.id();
            }
        }
        return null;
    }

    /**
     * Best effort, release-if-owner on every resource this attempt tried (the one whose claim failed
     * may be partly held). The request is still PENDING and this attempt holds its decision lease, so no
     * other attempt claims in its name meanwhile and none of these cells belongs to a stored decision.
     * If the ledger is still down, the cells stay held by the request until it is cancelled or decided on
     * the same resources.
     */
    private void releaseAfterFailure(ReservationId owner, List<ResourceId> touched, Occupancy occupancy,
                                     RuntimeException failure) {
        try {
            release(owner, touched, occupancy);
        } catch (RuntimeException stillFailing) {
            failure.addSuppressed(stillFailing);
        }
    }

    void release(ReservationId owner, List<ResourceId> resources, Occupancy occupancy) {
        resources.forEach(resource -> ledger.release(owner, occupancy.cells(resource)));
    }

    /** Releases what {@code owner} still holds of those resources within the occupancy, read first: usually nothing. */
    void releaseLeftovers(ReservationId owner, List<ResourceId> resources, Occupancy occupancy) {
        List<Cell> held = ledger.holders(resources, occupancy.from(), occupancy.to()).entrySet().stream()
                .filter(holder -> holder.getValue().equals(owner)).map(Map.Entry::getKey).toList();
        if (!held.isEmpty()) {
            ledger.release(owner, held);
        }
    }
}
