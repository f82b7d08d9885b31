package com.medicarewizard.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.medicarewizard.domain.patient.EmailAddress;
import com.medicarewizard.domain.reservation.RejectionReason;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.intake.staff.BootstrapAdmin;
import com.medicarewizard.runtime.LocalRuntime;
import com.medicarewizard.runtime.RuntimeConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 on the embedded runtime: the center lives in the table, versioned; an administrator closes a day
 * with a booking on it, sees the patient first, confirms, and the booking is cancelled through the queue and
 * the allocator (CENTER_CLOSED, its time freed), its patient told by e-mail and SMS with the nearest free
 * times and a link to book again; the closed day takes no new booking.
 */
class CenterClosureIT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String PASSWORD = "a long staff passphrase";
    @TempDir
    static Path data;
    static LocalRuntime runtime;
    static Bookings bookings;

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(RuntimeConfig.forTests(data, "ops-secret-for-tests"));
        bookings = new Bookings(runtime);
    }

    @AfterAll
    static void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }

    private static ApiClient admin() {
        var invited = (BootstrapAdmin.Outcome.Invited) runtime.bootstrapAdmin(new EmailAddress("anna@example.org"),
                "Anna Bianchi");
        String token = invited.link().getFragment().substring("invitation=".length());
        ApiClient api = new ApiClient(runtime.port());
        assertThat(api.post("/api/v1/staff/invitation", "{\"token\":\"%s\",\"password\":\"%s\"}"
                .formatted(token, PASSWORD)).status()).isEqualTo(204);
        return api.withToken(api.post("/api/v1/staff/auth/token",
                "{\"email\":\"anna@example.org\",\"password\":\"%s\"}".formatted(PASSWORD)).body().get("accessToken")
                .asText());
    }

    @Test
    void aClosureOverABookedDayCancelsTheBookingAndTellsThePatientWithOtherTimes() {
        ApiClient admin = admin();
        String email = "closed-" + System.nanoTime() + "@example.org";
        ApiClient patient = new ApiClient(runtime.port()).asNewPatient(email, "en", "+393470000018");
        JsonNode slot = bookings.firstSlot("MRI-KNEE", "ROMA-NORD", 1, 3);
        String id = bookings.accepted(patient, "MRI-KNEE", OffsetDateTime.parse(slot.get("start").asText()),
                "ROMA-NORD");
        assertThat(bookings.awaitFinal(List.of(id)).getFirst().status()).isEqualTo(ReservationStatus.CONFIRMED);
        String day = OffsetDateTime.parse(slot.get("start").asText()).atZoneSameInstant(ZoneId.of("Europe/Rome"))
                .toLocalDate().toString();
        String etag = admin.get("/api/v1/admin/center").header("ETag");
        String closure = "{\"site\":\"ROMA-NORD\",\"first\":\"%s\",\"last\":\"%s\",\"reason\":\"Burst pipe\"}"
                .formatted(day, day);

        ApiClient.Answer preview = admin.send("POST", "/api/v1/admin/closures?dryRun=true", closure,
                Map.of("If-Match", etag));
        assertThat(preview.status()).as("%s", preview).isEqualTo(200);
        assertThat(preview.body().get("stranded").findValuesAsText("id")).containsExactly(id);
        assertThat(preview.body().at("/stranded/0/patient").asText()).isEqualTo("Anna Rossi");
        ApiClient.Answer confirmed = admin.send("POST", "/api/v1/admin/closures?cancelStranded=true", closure,
                Map.of("If-Match", etag));
        assertThat(confirmed.status()).as("%s", confirmed).isEqualTo(200);

        await().atMost(PATIENCE).until(() -> runtime.reservations().find(new ReservationId(id)).orElseThrow()
                .status() == ReservationStatus.CANCELLED);
        Reservation cancelled = runtime.reservations().find(new ReservationId(id)).orElseThrow();
        assertThat(cancelled.reason()).contains(RejectionReason.CENTER_CLOSED);
        assertThat(runtime.audit().run().doubleBookings()).isZero();
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(outbox("EMAIL", email)).anySatisfy(mail -> {
                assertThat(mail.path("subject").asText()).startsWith("Cancelled by the center: ");
                assertThat(mail.path("text").asText()).contains("  - ", "/book?exam=MRI-KNEE");
            });
            assertThat(outbox("SMS", "+393470000018")).anySatisfy(sms ->
                    assertThat(sms.path("text").asText()).contains("the center had to cancel", "Free times: "));
        });
        // the intake keeps a version of the center, and an availability answer, a second each
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(patient.get(
                "/api/v1/availability?examType=MRI-KNEE&site=ROMA-NORD&from=%s&to=%s".formatted(day, day)).body())
                .isEmpty());
        assertThat(admin.get("/api/v1/admin/center").header("ETag")).isNotEqualTo(etag);
    }

    private static List<JsonNode> outbox(String channel, String to) {
        return runtime.outbox().entries().stream()
                .filter(e -> e.path("channel").asText().equals(channel) && e.path("to").asText().equals(to)).toList();
    }
}
