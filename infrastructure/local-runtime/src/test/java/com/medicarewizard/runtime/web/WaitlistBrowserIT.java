package com.medicarewizard.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.medicarewizard.domain.reservation.RejectionReason;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.runtime.LocalRuntime;
import com.medicarewizard.runtime.RuntimeConfig;
import com.medicarewizard.runtime.pipeline.ApiClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The waitlist in the browser: a patient joins it on My bookings, another patient cancels a time that
 * fits, the first is e-mailed the offer, follows its link and accepts it (CONFIRMED); an offer nobody
 * answers lapses when its hold ends and goes to the next patient waiting, whose page then shows it. In
 * English and Italian, axe-core finding nothing serious. Offers are held {@link #HOLD} here, so that a
 * lapse comes within the test and an acceptance still has time on a busy machine.
 */
class WaitlistBrowserIT extends WebsiteSuite {
    private static final Duration HOLD = Duration.ofSeconds(30);
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    /** The suite's runtime, started again on its data with offers held {@link #HOLD}. */
    @BeforeAll
    static void holdOffersShortly() throws Exception {
        runtime.close();
        runtime = LocalRuntime.start(RuntimeConfig.forTests(data, OPS_TOKEN).withOfferHold(HOLD));
    }

    @Test
    void aPatientJoinsTheWaitlistIsOfferedATimeAnotherCancelsAndAcceptsIt() {
        Patient waiting = newPatient();
        Patient other = newPatient();
        try (Browser browser = browser("en-GB")) {
            logIn(browser, waiting);
            browser.open("/bookings");
            browser.text("#waitlist-heading", "Waitlist for an earlier time");
            browser.text("#no-waitlist", "You are not waiting for any exam");
            browser.until(d -> browser.all("#waitlist-exam option").size() > 1 ? true : null);
            browser.script("const s = document.getElementById('waitlist-exam'); s.value = 'BLOOD-TEST';"
                    + " s.dispatchEvent(new Event('change'));");
            browser.find("#waitlist-join").click();
            browser.text("#waitlist-status", "You are on the waitlist for");
            browser.text("#waitlist li", "Any site");
            browser.capture("waitlist-joined");

            JsonNode start = freeStart("BLOOD-TEST", "ROMA-NORD", 3);
            Reservation freed = bookConfirmed(apiAs(other), "BLOOD-TEST", start.get("start").asText(), "ROMA-NORD");
            assertThat(apiAs(other).delete("/api/v1/reservations/" + freed.id()).status()).isEqualTo(202);

            JsonNode mail = await().atMost(PATIENCE).until(() -> offerMail(waiting.email()), Optional::isPresent).get();
            assertThat(mail.path("subject").asText()).startsWith("An earlier time for your");
            String link = mail.path("text").asText().lines().filter(line -> line.contains("/bookings?offer="))
                    .findFirst().orElseThrow();
            String offerId = link.substring(link.indexOf("/bookings?offer=") + "/bookings?offer=".length()).strip();
            assertThat(runtime.reservations().find(new ReservationId(offerId)).orElseThrow().start())
                    .isEqualTo(freed.start());

            browser.open("/bookings?offer=" + offerId);
            browser.visible("#accept-" + offerId);
            browser.text("#offers-heading", "Earlier times offered to you");
            browser.text("#offers li", "Held for you until");
            assertThat(browser.focused().getAttribute("id")).isEqualTo("accept-" + offerId);
            browser.capture("waitlist-offer");
            browser.find("#accept-" + offerId).click();
            browser.text("#bookings-status", "Booked:");
            assertThat(runtime.reservations().find(new ReservationId(offerId)).orElseThrow().status())
                    .isEqualTo(ReservationStatus.CONFIRMED);
            browser.text("#upcoming li[data-id='" + offerId + "']", "Confirmed");
            // the entry has done its work: the notifier closes it once the offer is CONFIRMED
            await().atMost(PATIENCE).until(() -> apiAs(waiting).get("/api/v1/waitlist").body().isEmpty());
            browser.open("/bookings");
            browser.text("#no-waitlist", "You are not waiting for any exam");
        }
        assertThat(runtime.audit().run().breaches()).isEmpty();
    }

    @Test
    void anUnansweredOfferLapsesToTheNextPatientWaitingInItalian() {
        Patient first = newPatient();
        Patient next = newPatient();
        Patient other = newPatient();
        String before = LocalDate.now(ROME).plusDays(40).toString();
        for (Patient patient : List.of(first, next)) {
            ApiClient.Answer joined = apiAs(patient).post("/api/v1/waitlist",
                    "{\"examType\":\"BLOOD-TEST\",\"site\":\"ROMA-EUR\",\"before\":\"%s\"}".formatted(before));
            assertThat(joined.status()).as("%s", joined).isEqualTo(201);
        }
        JsonNode start = freeStart("BLOOD-TEST", "ROMA-EUR", 5);
        Reservation freed = bookConfirmed(apiAs(other), "BLOOD-TEST", start.get("start").asText(), "ROMA-EUR");
        assertThat(apiAs(other).delete("/api/v1/reservations/" + freed.id()).status()).isEqualTo(202);

        Reservation offered = await().atMost(PATIENCE).until(() -> heldFor(first), Optional::isPresent).get();
        Reservation lapsed = await().atMost(PATIENCE.plus(HOLD)).until(() -> runtime.reservations()
                .find(offered.id()).orElseThrow(), r -> r.status() == ReservationStatus.CANCELLED);
        assertThat(lapsed.reason()).contains(RejectionReason.OFFER_LAPSED);
        Reservation passed = await().atMost(PATIENCE).until(() -> heldFor(next), Optional::isPresent).get();
        assertThat(passed.start()).isEqualTo(freed.start());

        try (Browser browser = browser("it-IT")) {
            logIn(browser, next);
            browser.open("/bookings?offer=" + passed.id());
            browser.text("#offers-heading", "Orari prima offerti a te");
            browser.text("#offers li", "Tenuto per te fino alle");
            browser.capture("waitlist-offer-it");
            browser.find("#decline-" + passed.id()).click();
            browser.text("#bookings-status", "Offerta rifiutata");
        }
        await().atMost(PATIENCE).until(() -> runtime.reservations().find(passed.id()).orElseThrow().status()
                == ReservationStatus.CANCELLED);
        assertThat(runtime.audit().run().breaches()).isEmpty();
    }

    private static Optional<JsonNode> offerMail(String email) {
        return runtime.outbox().entries().stream().filter(e -> e.path("to").asText().equals(email))
                .filter(e -> e.path("text").asText().contains("/bookings?offer=")).findFirst();
    }

    private static Optional<Reservation> heldFor(Patient patient) {
        JsonNode own = apiAs(patient).get("/api/v1/reservations").body();
        for (JsonNode r : own) {
            if ("HELD".equals(r.path("status").asText())) {
                return runtime.reservations().find(new ReservationId(r.get("id").asText()));
            }
        }
        return Optional.empty();
    }
}
