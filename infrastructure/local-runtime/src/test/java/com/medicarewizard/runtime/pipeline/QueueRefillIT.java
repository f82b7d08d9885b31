package com.medicarewizard.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.medicarewizard.adapter.embedded.EmbeddedTables;
import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.adapter.table.TableReservations;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.runtime.LocalRuntime;
import com.medicarewizard.runtime.RuntimeConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime keeps its queue in memory: a start puts back on it every command the table holds as
 * owed to the allocator — requests still PENDING and cancellations asked for but not carried out —
 * so nothing the table recorded waits for the sweeper's patience (here ten minutes), and a lost
 * CANCEL, which the sweeper never re-sends, is carried out too.
 */
class QueueRefillIT {
    private static final String OPS = "ops-secret-for-tests";

    @TempDir
    Path data;

    @Test
    void aStartQueuesAgainEveryRequestAndCancellationTheTableHoldsAsWaiting() throws Exception {
        RuntimeConfig patientSweeper = RuntimeConfig.forTests(data, OPS).withSweepAfter(Duration.ofMinutes(10));
        String confirmed;
        List<OffsetDateTime> starts = new ArrayList<>();
        try (LocalRuntime runtime = LocalRuntime.start(patientSweeper)) {
            Bookings bookings = new Bookings(runtime);
            ApiClient patient = new ApiClient(runtime.port()).asNewPatient();
            confirmed = bookings.accepted(patient, "XRAY-CHEST",
                    OffsetDateTime.parse(bookings.firstSlot("XRAY-CHEST", "ROMA-EUR", 1, 6).get("start").asText()),
                    "ROMA-EUR");
            assertThat(bookings.awaitFinal(List.of(confirmed))).extracting(Reservation::status)
                    .containsOnly(ReservationStatus.CONFIRMED);
            for (int i = 0; i < 3; i++) {
                starts.add(OffsetDateTime.parse(bookings.firstSlot("XRAY-CHEST", "ROMA-EUR", 1, 6).get("start").asText()));
            }
        }
        // what a crash leaves: requests recorded PENDING and a cancellation recorded, none of them on a queue
        List<String> pending = new ArrayList<>();
        try (EmbeddedTable table = EmbeddedTables.open(data.resolve("table"))) {
            TableReservations reservations = new TableReservations(table);
            Reservation booked = reservations.find(new ReservationId(confirmed)).orElseThrow();
            for (OffsetDateTime start : starts) {
                Reservation request = Reservation.request(ReservationId.random(), booked.patient(), booked.examType(),
                        booked.site(), start.toInstant(), start.toInstant().plus(booked.end().toEpochMilli()
                                - booked.start().toEpochMilli(), java.time.temporal.ChronoUnit.MILLIS),
                        Instant.now(), "refill-test");
                reservations.create(request, Optional.empty());
                pending.add(request.id().value());
            }
            assertThat(reservations.recordCancelRequest(booked.id(), booked.patient(), Instant.now())).isPresent();
        }

        try (LocalRuntime restarted = LocalRuntime.start(patientSweeper)) {
            Bookings bookings = new Bookings(restarted);
            assertThat(bookings.awaitFinal(pending)).extracting(Reservation::status)
                    .containsOnly(ReservationStatus.CONFIRMED);
            await().atMost(Duration.ofSeconds(60)).until(() -> restarted.reservations()
                    .find(new ReservationId(confirmed)).orElseThrow().status() == ReservationStatus.CANCELLED);
        }
    }
}
