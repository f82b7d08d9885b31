package com.medicarewizard.runtime.audit;

import com.medicarewizard.adapter.table.TableReservations;
import com.medicarewizard.adapter.table.TableSlotLedger;
import com.medicarewizard.adapter.embedded.EmbeddedTables;
import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.domain.CenterMother;
import com.medicarewizard.domain.availability.Occupancy;
import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.reservation.Decision;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerAuditTest {
    private static final ResourceId MRI_1 = new ResourceId("MRI-1");
    private static final ResourceId MRI_2 = new ResourceId("MRI-2");
    private static final ResourceId RAD_1 = new ResourceId("RAD-1");
    private final Center center = CenterMother.center();
    private final Instant monday = LocalDate.now(CenterMother.ROME).plusDays(7)
            .with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)).atTime(LocalTime.of(9, 0))
            .atZone(CenterMother.ROME).toInstant();

    @TempDir
    Path directory;

    @Test
    void findsNothingWhenEveryConfirmedReservationHoldsItsOwnCells() throws IOException {
        try (EmbeddedTable table = EmbeddedTables.open(directory)) {
            confirm(table, monday, List.of(MRI_1, RAD_1), List.of(MRI_1, RAD_1));
            confirm(table, monday.plus(Duration.ofHours(1)), List.of(MRI_1, RAD_1), List.of(MRI_1, RAD_1));

            LedgerAudit.Findings findings = audit(table);

            assertThat(findings.breaches()).isEmpty();
            assertThat(findings.confirmed()).isEqualTo(2);
            assertThat(findings.doubleBookings()).isZero();
        }
    }

    @Test
    void countsTwoConfirmedReservationsSharingAResourceAtOverlappingTimesAsADoubleBooking() throws IOException {
        try (EmbeddedTable table = EmbeddedTables.open(directory)) {
            confirm(table, monday, List.of(MRI_1, RAD_1), List.of(MRI_1, RAD_1));
            // the radiographer is named by a second reservation 15 minutes later, whose claim on her never happened
            ReservationId second = confirm(table, monday.plus(Duration.ofMinutes(15)), List.of(MRI_2, RAD_1), List.of(MRI_2));

            LedgerAudit.Findings findings = audit(table);

            assertThat(findings.consistent()).isFalse();
            assertThat(findings.doubleBookings()).isEqualTo(1);
            assertThat(findings.breaches()).anyMatch(b -> b.contains("overlap on RAD-1"))
                    .anyMatch(b -> b.startsWith(second + " does not hold"));
        }
    }

    private LedgerAudit.Findings audit(EmbeddedTable table) {
        return new LedgerAudit(center, new TableSlotLedger(table), new TableReservations(table)).run();
    }

    private ReservationId confirm(EmbeddedTable table, Instant start, List<ResourceId> named, List<ResourceId> claimed) {
        var exam = center.examType(CenterMother.MRI).orElseThrow();
        Reservation pending = Reservation.request(ReservationId.random(), new PatientId(java.util.UUID.randomUUID().toString()), CenterMother.MRI,
                CenterMother.NORD, start, start.plus(exam.duration()), Instant.now(), "corr-1");
        var reservations = new TableReservations(table);
        reservations.create(pending, Optional.empty());
        reservations.update(pending.decide(new Decision.Confirmed(named), Instant.now()));
        var ledger = new TableSlotLedger(table);
        for (ResourceId resource : claimed) {
            assertThat(ledger.claim(pending.id(), Occupancy.of(exam, start).cells(resource))).isTrue();
        }
        return pending.id();
    }
}
