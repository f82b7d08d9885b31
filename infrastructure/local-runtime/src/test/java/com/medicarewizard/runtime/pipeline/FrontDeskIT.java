package com.medicarewizard.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.runtime.LocalRuntime;
import com.medicarewizard.runtime.RuntimeConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 on the embedded runtime: the front desk registers a patient who phoned, books for them through the
 * queue and the allocator (CONFIRMED, marked as booked by staff), finds the booking in the day's schedule,
 * and cancels it for them (CANCELLED, its time freed); each step is in the audit trail.
 */
class FrontDeskIT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    @TempDir
    static Path data;
    static LocalRuntime runtime;
    static ApiClient desk;

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(RuntimeConfig.forTests(data, "ops-secret-for-tests"));
        FrontDeskStaff.make(runtime, "luca@example.org", "Luca Verdi");
        desk = FrontDeskStaff.logIn(runtime, "luca@example.org");
    }

    @AfterAll
    static void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }

    private static ReservationStatus status(String id) {
        return runtime.reservations().find(new ReservationId(id)).orElseThrow().status();
    }

    @Test
    void theDeskRegistersBooksSeesTheDayAndCancelsForAPatientWhoPhoned() {
        ApiClient.Answer made = desk.post("/api/v1/desk/patients", """
                {"email":"giulia.neri@example.org","firstName":"Giulia","lastName":"Neri","phone":"347 765 4321",
                 "taxCode":"RSSMRA85T10A562S","dateOfBirth":"1990-05-04","language":"it"}""");
        assertThat(made.status()).as("%s", made).isEqualTo(201);
        String patient = made.body().get("id").asText();
        assertThat(runtime.outbox().entries()).anySatisfy(mail -> assertThat(mail.path("to").asText())
                .isEqualTo("giulia.neri@example.org"));

        JsonNode slot = new Bookings(runtime).firstSlot("XRAY-CHEST", "ROMA-NORD", 1, 5);
        String reservations = "/api/v1/desk/patients/" + patient + "/reservations";
        ApiClient.Answer booked = desk.send("POST", reservations, new Bookings(runtime).booking("XRAY-CHEST", slot),
                Map.of("Idempotency-Key", "desk-it-1"));
        assertThat(booked.status()).as("%s", booked).isEqualTo(202);
        String id = booked.body().at("/reservation/id").asText();
        await().atMost(PATIENCE).until(() -> status(id) == ReservationStatus.CONFIRMED);
        assertThat(desk.get(reservations).body().get(0).at("/bookedBy/name").asText()).isEqualTo("Luca Verdi");

        String day = OffsetDateTime.parse(slot.get("start").asText()).atZoneSameInstant(ZoneId.of("Europe/Rome"))
                .toLocalDate().toString();
        ApiClient.Answer schedule = desk.get("/api/v1/desk/schedule?site=ROMA-NORD&date=" + day);
        assertThat(schedule.status()).as("%s", schedule).isEqualTo(200);
        assertThat(schedule.body().get("resources").findValues("bookings").stream().flatMap(b -> b.valueStream()))
                .anySatisfy(b -> {
                    assertThat(b.get("id").asText()).isEqualTo(id);
                    assertThat(b.at("/patient/lastName").asText()).isEqualTo("Neri");
                    assertThat(b.at("/patient/email").asText()).isEqualTo("g***@example.org");
                    assertThat(b.at("/bookedBy/name").asText()).isEqualTo("Luca Verdi");
                });
        ApiClient.Answer early = desk.send("PUT", "/api/v1/desk/reservations/" + id + "/attendance",
                "{\"attendance\":\"ARRIVED\"}", Map.of());
        assertThat(early.status()).as("%s", early).isEqualTo(409);

        ApiClient.Answer cancelled = desk.delete(reservations + "/" + id);
        assertThat(cancelled.status()).as("%s", cancelled).isEqualTo(202);
        await().atMost(PATIENCE).until(() -> status(id) == ReservationStatus.CANCELLED);
        assertThat(desk.get(reservations).body().get(0).at("/cancelledBy/name").asText()).isEqualTo("Luca Verdi");
        assertThat(runtime.audit().run().doubleBookings()).isZero();

        JsonNode trail = FrontDeskStaff.logIn(runtime, "admin@example.org").get("/api/v1/admin/audit").body();
        assertThat(trail.findValuesAsText("action")).contains("patient.registered-by-staff", "reservation.booked-for-patient",
                "reservation.cancelled-for-patient");
    }
}
