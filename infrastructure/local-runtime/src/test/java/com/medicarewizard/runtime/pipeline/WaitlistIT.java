package com.medicarewizard.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.medicarewizard.domain.reservation.RejectionReason;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.runtime.LocalRuntime;
import com.medicarewizard.runtime.RuntimeConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The waitlist end to end over HTTP on the embedded runtime: a patient waits for an earlier time, another
 * cancels one that fits, the first is offered it (HELD: nobody else can book it; e-mail and SMS with the
 * link) and accepts it (CONFIRMED); an offer left unanswered lapses when its hold ends, and the time goes
 * to the next patient waiting. One runtime holds offers the standard 15 minutes; another 4 seconds, so
 * that a lapse comes within the test.
 */
class WaitlistIT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Duration HOLD = Duration.ofSeconds(4);
    private static final String PASSWORD = "a long passphrase for waiting";
    private static final AtomicInteger PHONES = new AtomicInteger(100);
    @TempDir
    static Path data;
    @TempDir
    static Path lapsing;
    /** Offers held the standard 15 minutes. */
    static Pipeline held;
    /** Offers held {@link #HOLD}. */
    static Pipeline lapse;

    @BeforeAll
    static void start() throws Exception {
        LocalRuntime standard = LocalRuntime.start(RuntimeConfig.forTests(data, "ops-secret-for-tests"));
        held = new Pipeline(standard, new Bookings(standard));
        LocalRuntime quick = LocalRuntime.start(RuntimeConfig.forTests(lapsing, "ops-secret-for-tests").withOfferHold(HOLD));
        lapse = new Pipeline(quick, new Bookings(quick));
    }

    @AfterAll
    static void stop() {
        held.runtime().close();
        lapse.runtime().close();
    }

    @Test
    void aPatientWaitingIsOfferedATimeAnotherCancelsAndAcceptsIt() {
        Patient waiting = held.patient("wanda");
        Patient booked = held.patient("bruno");
        assertThat(held.join(waiting, "BLOOD-TEST", Optional.of("ROMA-NORD")).status()).isEqualTo(201);
        String freed = held.bookedAndCancelled(booked, "ROMA-NORD", 0);

        Reservation offer = held.awaitOffer(waiting);
        assertThat(offer.examType().value()).isEqualTo("BLOOD-TEST");
        assertThat(offer.start()).isEqualTo(held.runtime().reservations().find(new ReservationId(freed)).orElseThrow().start());
        assertThat(offer.heldUntil()).isPresent();
        JsonNode shown = waiting.client().get("/api/v1/reservations/" + offer.id()).body();
        assertThat(shown.get("status").asText()).isEqualTo("HELD");
        assertThat(shown.get("heldUntil").asText()).isNotBlank();
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(held.sent(waiting.email())).anySatisfy(mail -> assertThat(mail.path("text").asText())
                    .contains("/bookings?offer=" + offer.id()));
            assertThat(held.sent(waiting.phone())).anySatisfy(sms -> assertThat(sms.path("text").asText())
                    .contains("/bookings?offer=" + offer.id()));
        });
        // nobody else can book the time while it is held
        assertThat(offer.resources()).isNotEmpty();
        assertThat(held.runtime().ledger().holders(offer.resources(), offer.start(), offer.end()).values())
                .isNotEmpty().allMatch(offer.id()::equals);

        ApiClient.Answer accepted = waiting.client().post("/api/v1/reservations/" + offer.id() + "/accept", "");

        assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
        await().atMost(PATIENCE).until(() -> held.status(offer.id()) == ReservationStatus.CONFIRMED);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(waiting.client().get("/api/v1/waitlist").body())
                .isEmpty());
        assertThat(held.runtime().audit().run().breaches()).isEmpty();
    }

    @Test
    void anUnansweredOfferLapsesToTheNextPatientWaiting() {
        Patient first = lapse.patient("fabia");
        Patient second = lapse.patient("silvio");
        Patient booked = lapse.patient("carla");
        assertThat(lapse.join(first, "BLOOD-TEST", Optional.empty()).status()).isEqualTo(201);
        assertThat(lapse.join(second, "BLOOD-TEST", Optional.of("ROMA-EUR")).status()).isEqualTo(201);
        lapse.bookedAndCancelled(booked, "ROMA-EUR", 3);

        Reservation offered = lapse.awaitDecidedOffer(first);
        await().atMost(PATIENCE).until(() -> lapse.status(offered.id()) == ReservationStatus.CANCELLED);
        Reservation lapsed = lapse.runtime().reservations().find(offered.id()).orElseThrow();
        assertThat(lapsed.reason()).contains(RejectionReason.OFFER_LAPSED);
        assertThat(first.client().post("/api/v1/reservations/" + offered.id() + "/accept", "").status())
                .isEqualTo(409);

        Reservation next = lapse.awaitDecidedOffer(second);
        assertThat(next.start()).isEqualTo(offered.start());
        assertThat(first.client().get("/api/v1/waitlist").body()).singleElement()
                .satisfies(entry -> assertThat(entry.get("offered").asInt()).isEqualTo(1));

        // the second declines: the time is nobody's again, and not offered back to the first
        assertThat(second.client().delete("/api/v1/reservations/" + next.id()).status()).isEqualTo(202);
        await().atMost(PATIENCE).until(() -> lapse.status(next.id()) == ReservationStatus.CANCELLED);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(lapse.bookings().firstSlotAt("BLOOD-TEST", "ROMA-EUR",
                OffsetDateTime.ofInstant(next.start(), ZoneId.of("Europe/Rome")).toString(), 3)
                .get("available").asInt()).isGreaterThanOrEqualTo(1));
        // the declined offer passes through the notifier too: it must not come back to the first
        await().during(Duration.ofSeconds(3)).atMost(PATIENCE).until(() -> lapse.offers(first).size() == 1);
        assertThat(lapse.runtime().audit().run().breaches()).isEmpty();
    }

    @Test
    void badWaitlistRequestsAreRefusedAndChangeNothing() {
        Patient patient = held.patient("bianca");
        String tomorrow = LocalDate.now(ZoneId.of("Europe/Rome")).plusDays(1).toString();
        for (String body : List.of("{\"examType\":\"NO-SUCH\",\"before\":\"" + tomorrow + "\"}",
                "{\"examType\":\"BLOOD-TEST\",\"before\":\"" + LocalDate.now().minusDays(1) + "\"}",
                "{\"examType\":\"BLOOD-TEST\",\"before\":\"" + LocalDate.now().plusYears(3) + "\"}",
                "{\"examType\":\"BLOOD-TEST\",\"before\":\"soon\"}",
                "{\"examType\":\"BLOOD-TEST\",\"site\":\"NOWHERE\",\"before\":\"" + tomorrow + "\"}",
                "{\"examType\":\"BLOOD-TEST\",\"before\":\"" + tomorrow + "\",\"priority\":1}")) {
            ApiClient.Answer refused = patient.client().post("/api/v1/waitlist", body);
            assertThat(refused.status()).as("%s → %s", body, refused).isEqualTo(400);
        }
        assertThat(patient.client().get("/api/v1/waitlist").body()).isEmpty();
        assertThat(held.join(patient, "BLOOD-TEST", Optional.empty()).status()).isEqualTo(201);
        assertThat(held.join(patient, "BLOOD-TEST", Optional.empty()).body().get("code").asText()).isEqualTo("already-waiting");
        String entry = patient.client().get("/api/v1/waitlist").body().get(0).get("id").asText();
        assertThat(held.patient("other").client().delete("/api/v1/waitlist/" + entry).status()).isEqualTo(404);
        assertThat(patient.client().delete("/api/v1/waitlist/" + entry).status()).isEqualTo(204);
        assertThat(patient.client().get("/api/v1/waitlist").body()).isEmpty();
        assertThat(new ApiClient(held.runtime().port()).get("/api/v1/waitlist").status()).isEqualTo(401);
    }

    private record Patient(ApiClient client, String email, String phone) {
    }

    /** One running runtime and the steps the tests take on it. */
    private record Pipeline(LocalRuntime runtime, Bookings bookings) {

        ApiClient.Answer join(Patient patient, String exam, Optional<String> site) {
            String before = LocalDate.now(ZoneId.of("Europe/Rome")).plusDays(30).toString();
            return patient.client().post("/api/v1/waitlist", site.map(s -> "{\"examType\":\"%s\",\"site\":\"%s\",\"before\":\"%s\"}"
                    .formatted(exam, s, before)).orElse("{\"examType\":\"%s\",\"before\":\"%s\"}".formatted(exam, before)));
        }

        /** A booking made, confirmed and cancelled by its patient: its time freed. */
        String bookedAndCancelled(Patient patient, String site, int dayOffset) {
            JsonNode slot = bookings.firstSlot("BLOOD-TEST", site, 1, dayOffset);
            String id = bookings.accepted(patient.client(), "BLOOD-TEST", OffsetDateTime.parse(slot.get("start").asText()), site);
            assertThat(bookings.awaitFinal(List.of(id)).getFirst().status()).isEqualTo(ReservationStatus.CONFIRMED);
            assertThat(patient.client().delete("/api/v1/reservations/" + id).status()).isEqualTo(202);
            return id;
        }

        /**
         * The patient's offer once decided, whatever it became since: a 4-second hold may have ended before a
         * busy machine's next look, so waiting to see it HELD could wait forever.
         */
        Reservation awaitDecidedOffer(Patient patient) {
            await().atMost(PATIENCE).until(() -> offers(patient).stream().anyMatch(r -> r.decidedAt().isPresent()));
            return offers(patient).stream().filter(r -> r.decidedAt().isPresent()).findFirst().orElseThrow();
        }

        Reservation awaitOffer(Patient patient) {
            await().atMost(PATIENCE).until(() -> offers(patient).stream().anyMatch(r -> r.status() == ReservationStatus.HELD));
            return offers(patient).stream().filter(r -> r.status() == ReservationStatus.HELD).findFirst().orElseThrow();
        }

        List<Reservation> offers(Patient patient) {
            JsonNode own = patient.client().get("/api/v1/reservations").body();
            List<Reservation> found = new java.util.ArrayList<>();
            own.forEach(r -> runtime.reservations().find(new ReservationId(r.get("id").asText()))
                    .filter(Reservation::isOffer).ifPresent(found::add));
            return found;
        }

        ReservationStatus status(ReservationId id) {
            return runtime.reservations().find(id).orElseThrow().status();
        }

        List<JsonNode> sent(String recipient) {
            return runtime.outbox().entries().stream().filter(e -> e.path("to").asText().equals(recipient)).toList();
        }

        Patient patient(String name) {
            String email = name + "." + System.nanoTime() + "@example.org";
            String phone = "+39347123" + String.format("%04d", PHONES.incrementAndGet());
            ApiClient anonymous = new ApiClient(runtime.port());
            ApiClient.Answer registered = anonymous.post("/api/v1/patients", """
                    {"email":"%s","password":"%s","firstName":"%s","lastName":"Attesa","phone":"%s",
                     "taxCode":"RSSMRA85T10A562S","dateOfBirth":"1985-12-10","language":"en"}"""
                    .formatted(email, PASSWORD, name, phone));
            assertThat(registered.status()).as("%s", registered).isEqualTo(201);
            ApiClient.Answer login = anonymous.send("POST", "/api/v1/auth/token",
                    "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, PASSWORD), Map.of());
            assertThat(login.status()).as("%s", login).isEqualTo(200);
            return new Patient(anonymous.withToken(login.body().get("accessToken").asText()), email, phone);
        }
    }
}
