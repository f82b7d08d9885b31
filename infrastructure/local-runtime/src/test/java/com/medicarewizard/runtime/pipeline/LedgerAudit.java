package com.medicarewizard.runtime.pipeline;

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
import com.medicarewizard.runtime.LocalRuntime;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the rules that must always hold over everything the ledger holds, once the pipeline is
 * quiet: every held cell belongs to a CONFIRMED reservation of that resource; every confirmed
 * reservation holds one resource of each needed kind for its whole occupancy; and, judged from the
 * reservations alone, no two confirmed reservations overlap on a resource.
 */
record LedgerAudit(Center center, SlotLedger ledger, Reservations reservations) {

    static LedgerAudit of(LocalRuntime runtime) {
        return new LedgerAudit(runtime.center(), runtime.ledger(), runtime.reservations());
    }

    void assertConsistent() {
        List<ResourceId> all = center.resources().stream().map(Resource::id).toList();
        Instant from = Instant.now().minus(Duration.ofDays(2));
        Map<Cell, ReservationId> holders = ledger.holders(all, from, from.plus(Duration.ofDays(400)));
        Map<ReservationId, Reservation> holding = new HashMap<>();
        holders.values().stream().distinct().forEach(id -> holding.put(id, reservations.find(id).orElseThrow()));
        holders.forEach((cell, owner) -> {
            Reservation r = holding.get(owner);
            assertThat(r.status()).as("holder of %s", cell).isEqualTo(ReservationStatus.CONFIRMED);
            assertThat(r.resources()).as("resources of %s", owner).contains(cell.resource());
        });
        List<Reservation> confirmed = new ArrayList<>(holding.values());
        confirmed.forEach(r -> assertHoldsEverything(r, holders));
        assertNoOverlap(confirmed);
    }

    private void assertHoldsEverything(Reservation r, Map<Cell, ReservationId> holders) {
        ExamType exam = center.examType(r.examType()).orElseThrow();
        Set<Object> kinds = new HashSet<>();
        for (ResourceId resource : r.resources()) {
            kinds.add(center.resource(resource).orElseThrow().kind());
            for (Cell cell : Occupancy.of(exam, r.start()).cells(resource)) {
                assertThat(holders.get(cell)).as("%s of %s", cell, r.id()).isEqualTo(r.id());
            }
        }
        assertThat(kinds).as("kinds held by %s", r.id()).isEqualTo(new HashSet<>(exam.needs()));
        assertThat(r.resources()).hasSameSizeAs(exam.needs());
    }

    private void assertNoOverlap(List<Reservation> confirmed) {
        for (int i = 0; i < confirmed.size(); i++) {
            for (int j = i + 1; j < confirmed.size(); j++) {
                Reservation a = confirmed.get(i);
                Reservation b = confirmed.get(j);
                Occupancy oa = Occupancy.of(center.examType(a.examType()).orElseThrow(), a.start());
                Occupancy ob = Occupancy.of(center.examType(b.examType()).orElseThrow(), b.start());
                boolean shareResource = a.resources().stream().anyMatch(b.resources()::contains);
                boolean overlap = oa.from().isBefore(ob.to()) && ob.from().isBefore(oa.to());
                assertThat(shareResource && overlap).as("%s and %s overlap on a resource", a.id(), b.id()).isFalse();
            }
        }
    }
}
