package com.medicarewizard.adapter.embedded;

import com.medicarewizard.adapter.table.TableTokens;
import com.medicarewizard.adapter.table.TableSlotLedger;
import com.medicarewizard.adapter.table.TableReservations;
import com.medicarewizard.adapter.table.TablePatients;
import com.medicarewizard.adapter.table.TableRateLimits;
import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.domain.PatientMother;
import com.medicarewizard.domain.ReservationMother;
import com.medicarewizard.domain.center.Cell;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.limit.FixedWindow;
import com.medicarewizard.domain.patient.Patient;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.port.Tokens.Session;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the adapters wrote is there again after the table is closed and reopened (a restart). */
class EmbeddedAdaptersDurabilityTest {

    private static final Instant T0 = ReservationMother.REQUESTED_AT;
    private static final ResourceId SCANNER = new ResourceId("RN-MRI-1");
    private static final FixedWindow ONCE_A_MINUTE = new FixedWindow(1, Duration.ofMinutes(1));

    @TempDir
    Path directory;

    @Test
    void everyEntitySurvivesAReopen() throws IOException {
        Patient patient = PatientMother.patient();
        Reservation pending = ReservationMother.pending(patient.id());
        Reservation confirmed = ReservationMother.confirmed(pending, T0.plusSeconds(1));
        List<Cell> cells = Cell.covering(SCANNER, pending.start(), pending.end());
        Session session = new Session("hash-1", patient.id(), T0, T0.plus(Duration.ofHours(1)));
        try (EmbeddedTable table = EmbeddedTables.open(directory)) {
            new TablePatients(table).register(patient);
            new TableReservations(table).create(pending, Optional.of("key-1"));
            new TableReservations(table).update(confirmed);
            new TableSlotLedger(table).claim(pending.id(), cells);
            new TableTokens(table).store(session);
            new TableRateLimits(table).take("account:1", ONCE_A_MINUTE, T0);
        }
        try (EmbeddedTable table = EmbeddedTables.open(directory)) {
            assertThat(new TablePatients(table).byEmail(patient.email())).contains(patient);
            var reservations = new TableReservations(table);
            assertThat(reservations.find(pending.id())).contains(confirmed.withVersion(1));
            assertThat(reservations.ofPatient(patient.id())).containsExactly(confirmed.withVersion(1));
            assertThat(reservations.decidedSince(T0)).containsExactly(confirmed.withVersion(1));
            assertThat(reservations.create(ReservationMother.pending(patient.id()), Optional.of("key-1")).isNew())
                    .isFalse();
            assertThat(new TableSlotLedger(table).holders(List.of(SCANNER), pending.start(), pending.end()))
                    .containsOnlyKeys(cells);
            assertThat(new TableTokens(table).find("hash-1", T0)).contains(session);
            assertThat(new TableRateLimits(table).take("account:1", ONCE_A_MINUTE, T0).granted()).isFalse();
        }
    }
}
