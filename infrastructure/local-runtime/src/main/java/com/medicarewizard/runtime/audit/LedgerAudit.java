package com.medicarewizard.runtime.audit;

import com.medicarewizard.domain.availability.Occupancy;
import com.medicarewizard.domain.center.Cell;
import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.center.ExamType;
import com.medicarewizard.domain.center.Resource;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.port.Reservations;
import com.medicarewizard.port.SlotLedger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the rules that must always hold over everything the ledger holds, once the pipeline is
 * quiet: every held cell belongs to a CONFIRMED reservation (or a HELD offer) of that resource; every confirmed
 * reservation holds one resource of each needed kind for its whole occupancy; and, judged from the
 * reservations alone, no two confirmed reservations overlap on a resource. The tests run it after
 * bursts and crashes; the load test runs it after the spike.
 */
public record LedgerAudit(Center center, SlotLedger ledger, Reservations reservations) {

    /** What the audit found: the confirmed reservations it looked at and every breach, in words. */
    public record Findings(int confirmed, int doubleBookings, List<String> breaches) {
        public Findings {
            breaches = List.copyOf(breaches);
        }

        public boolean consistent() {
            return breaches.isEmpty();
        }
    }

    /** Audits the cells held from two days ago to 400 days ahead (past the booking horizon). */
    public Findings run() {
        List<ResourceId> all = center.resources().stream().map(Resource::id).toList();
        Instant from = Instant.now().minus(Duration.ofDays(2));
        Map<Cell, ReservationId> holders = ledger.holders(all, from, from.plus(Duration.ofDays(400)));
        List<String> breaches = new ArrayList<>();
        Map<ReservationId, Reservation> holding = new HashMap<>();
        for (ReservationId id : new HashSet<>(holders.values())) {
            Optional<Reservation> found = reservations.find(id);
            if (found.isEmpty()) {
                breaches.add("cells are held by " + id + ", which is not a reservation");
            } else {
                holding.put(id, found.get());
            }
        }
        holders.forEach((cell, owner) -> {
            Reservation r = holding.get(owner);
            if (r != null && !holdsCells(r)) {
                breaches.add(cell + " is held by " + owner + ", which is " + r.status());
            } else if (r != null && !r.resources().contains(cell.resource())) {
                breaches.add(cell + " is held by " + owner + ", which does not name that resource");
            }
        });
        List<Reservation> confirmed = holding.values().stream().filter(LedgerAudit::holdsCells).toList();
        confirmed.forEach(r -> checkHoldsEverything(r, holders, breaches));
        int overlaps = countOverlaps(confirmed, breaches);
        return new Findings(confirmed.size(), overlaps, breaches);
    }

    /** A CONFIRMED booking holds its cells, and so does an offer from the waitlist while it is HELD. */
    private static boolean holdsCells(Reservation r) {
        return r.status() == ReservationStatus.CONFIRMED || r.status() == ReservationStatus.HELD;
    }

    private void checkHoldsEverything(Reservation r, Map<Cell, ReservationId> holders, List<String> breaches) {
        ExamType exam = center.examType(r.examType()).orElseThrow();
        Set<Object> kinds = new HashSet<>();
        for (ResourceId resource : r.resources()) {
            kinds.add(center.resource(resource).orElseThrow().kind());
            for (Cell cell : Occupancy.of(exam, r.start()).cells(resource)) {
                if (!r.id().equals(holders.get(cell))) {
                    breaches.add(r.id() + " does not hold " + cell);
                }
            }
        }
        if (!kinds.equals(new HashSet<>(exam.needs())) || r.resources().size() != exam.needs().size()) {
            breaches.add(r.id() + " holds " + r.resources() + ", not one resource of each kind " + exam.needs());
        }
    }

    /** Pairs of confirmed reservations sharing a resource at overlapping times (a double booking each). */
    private int countOverlaps(List<Reservation> confirmed, List<String> breaches) {
        Map<ResourceId, List<Reservation>> byResource = new HashMap<>();
        confirmed.forEach(r -> r.resources().forEach(res -> byResource.computeIfAbsent(res, k -> new ArrayList<>()).add(r)));
        int overlaps = 0;
        for (var entry : byResource.entrySet()) {
            List<Reservation> on = entry.getValue();
            for (int i = 0; i < on.size(); i++) {
                for (int j = i + 1; j < on.size(); j++) {
                    if (overlap(on.get(i), on.get(j))) {
                        overlaps++;
                        breaches.add(on.get(i).id() + " and " + on.get(j).id() + " overlap on " + entry.getKey());
                    }
                }
            }
        }
        return overlaps;
    }

    private boolean overlap(Reservation a, Reservation b) {
        Occupancy oa = Occupancy.of(center.examType(a.examType()).orElseThrow(), a.start());
        Occupancy ob = Occupancy.of(center.examType(b.examType()).orElseThrow(), b.start());
        return oa.from().isBefore(ob.to()) && ob.from().isBefore(oa.to());
    }
}
