package com.medicarewizard.runtime.web;

import com.medicarewizard.domain.reservation.RejectionReason;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 16, finding 5: a booking is moved in one step from My bookings. The new time is confirmed and
 * the old one cancelled together, told once ("Moved"); a move to a time taken meanwhile is refused and
 * the booking stays where it was.
 */
class MoveBookingBrowserIT extends WebsiteSuite {

    @Test
    void aPatientMovesABookingFromMyBookingsAndIsToldOnce() {
        Patient patient = newPatient();
        Reservation old = bookedXray(patient);
        try (Browser browser = browser("en-GB")) {
            logIn(browser, patient);
            browser.open("/bookings");
            browser.visible("#move-" + old.id()).click();

            String banner = browser.visible("#move-banner").getText();
            assertThat(banner).contains("Chest X-ray").contains("stays booked until");
            assertThat(browser.find("#exam").isEnabled()).as("the exam of a booking is not changed by a move").isFalse();
            browser.capture("book-move");
            chooseFreeDay(browser, LocalDate.now(ROME).plusDays(6));
            browser.visible("#times button.time").click();
            assertThat(browser.visible("#confirm").getText()).isEqualTo("Move to this time");
            browser.find("#confirm").click();

            browser.visible("#outcome[data-status='CONFIRMED']");
            assertThat(browser.find("#outcome").getText()).contains("Booking moved", "Chest X-ray", "is free again");
            browser.capture("book-moved");
            String moved = await().until(() -> runtime.reservations().find(old.id()).orElseThrow(),
                    r -> r.status() == ReservationStatus.CANCELLED).movedTo().orElseThrow().value();
            assertThat(decided(moved).replaces().orElseThrow().reservation()).isEqualTo(old.id());

            browser.open("/bookings");
            browser.visible("li.booking[data-id='" + moved + "'][data-status='CONFIRMED']");
            assertThat(browser.find("li.booking[data-id='" + old.id() + "']").getText()).contains("Moved");
            browser.capture("bookings-after-move");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(subjectsTo(patient))
                .anySatisfy(subject -> assertThat(subject).startsWith("Moved: Chest X-ray")));
        assertThat(subjectsTo(patient)).noneSatisfy(subject -> assertThat(subject).startsWith("Cancelled"));
    }

    @Test
    void aMoveToATimeTakenMeanwhileIsRefusedAndTheBookingStays() {
        Patient patient = newPatient();
        Reservation old = bookedXray(patient);
        try (Browser browser = browser("it-IT")) {
            logIn(browser, patient);
            browser.open("/book?exam=XRAY-CHEST&site=ROMA-EUR&move=" + old.id());
            browser.visible("#move-banner");
            chooseFreeDay(browser, LocalDate.now(ROME).plusDays(6));
            var time = browser.visible("#times button.time");
            String wanted = time.getAttribute("data-start");
            time.click();
            browser.visible("#confirm");
            // someone else books that very time while the patient looks at the summary
            bookConfirmed(apiAs(newPatient()), "XRAY-CHEST", wanted, "ROMA-EUR");
            browser.find("#confirm").click();

            browser.visible("#outcome[data-status='REJECTED']");
            assertThat(browser.find("#outcome").getText()).contains("non è stata spostata").contains("resta");
            browser.visible("#alternatives li button");
            browser.capture("book-move-refused");
        }
        Reservation after = runtime.reservations().find(old.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(after.start()).isEqualTo(old.start());
        List<Reservation> moves = runtime.reservations().ofPatient(old.patient()).stream()
                .filter(Reservation::isMove).toList();
        assertThat(moves).singleElement().satisfies(move -> {
            assertThat(move.status()).isEqualTo(ReservationStatus.REJECTED);
            assertThat(move.reason()).contains(RejectionReason.SLOT_TAKEN);
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(subjectsTo(patient))
                .anySatisfy(subject -> assertThat(subject).startsWith("Not moved: Chest X-ray")));
        assertThat(subjectsTo(patient)).as("the patient registered in English; the page spoke Italian")
                .noneSatisfy(subject -> assertThat(subject).startsWith("Cancelled"));
    }

    /**
     * Roma Nord has one MRI scanner and one radiographer for the MRI: public availability shows a quarter of
     * an hour after a booking as taken (by that very booking). Moving it, that time is offered and made,
     * in the same room.
     */
    @Test
    void aQuarterOfAnHourLaterInTheOnlyRoomIsOfferedAndTheMoveIsMade() {
        Patient patient = newPatient();
        String start = freeStart("MRI-KNEE", "ROMA-NORD", 3).get("start").asText();
        Reservation old = bookConfirmed(apiAs(patient), "MRI-KNEE", start, "ROMA-NORD");
        java.time.Instant later = old.start().plus(Duration.ofMinutes(15));
        LocalDate day = old.start().atZone(ROME).toLocalDate();
        var open = api().get("/api/v1/availability?examType=MRI-KNEE&site=ROMA-NORD&from=%s&to=%s".formatted(day, day));
        assertThat(open.body()).as("public availability: taken by the booking itself").anySatisfy(slot -> {
            assertThat(java.time.OffsetDateTime.parse(slot.get("start").asText()).toInstant()).isEqualTo(later);
            assertThat(slot.get("available").asInt()).isZero();
        });
        try (Browser browser = browser("en-GB")) {
            logIn(browser, patient);
            browser.open("/book?exam=MRI-KNEE&site=ROMA-NORD&day=" + day + "&move=" + old.id());
            browser.visible("#times button.time");
            var quarterLater = browser.all("#times button.time").stream()
                    .filter(b -> java.time.OffsetDateTime.parse(b.getAttribute("data-start")).toInstant().equals(later))
                    .findFirst().orElseThrow(() -> new AssertionError("a quarter of an hour later is not offered"));
            quarterLater.click();
            browser.visible("#confirm").click();
            browser.visible("#outcome[data-status='CONFIRMED']");
        }
        Reservation moved = decided(runtime.reservations().find(old.id()).orElseThrow().movedTo().orElseThrow().value());
        assertThat(moved.start()).isEqualTo(later);
        assertThat(moved.resources()).isEqualTo(old.resources());
    }

    /** A booking that cannot be read just now (the API busy) never turns a move into a second booking. */
    @Test
    void aBookingThatCannotBeReadJustNowCannotBeConfirmedAsANewBooking() {
        Patient patient = newPatient();
        Reservation old = bookedXray(patient);
        try (Browser browser = browser("en-GB")) {
            logIn(browser, patient);
            browser.cdp("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", """
                    const original = window.fetch.bind(window);
                    window.fetch = (input, init = {}) => {
                      const url = typeof input === 'string' ? input : input.url;
                      return url.endsWith('/api/v1/reservations/%s') && (init.method ?? 'GET') === 'GET'
                        ? Promise.resolve(new Response('{"status":503,"code":"busy"}', { status: 503,
                            headers: { 'Content-Type': 'application/problem+json' } }))
                        : original(input, init);
                    };""".formatted(old.id())));
            browser.open("/book?exam=XRAY-CHEST&site=ROMA-EUR&move=" + old.id());
            assertThat(browser.visible("#move-banner").getText()).contains("could not be read just now");
            chooseFreeDay(browser, LocalDate.now(ROME).plusDays(6));
            browser.visible("#times button.time").click();
            assertThat(browser.visible("#confirm").isEnabled()).isFalse();
        }
        assertThat(runtime.reservations().ofPatient(old.patient())).singleElement()
                .satisfies(only -> assertThat(only.id()).isEqualTo(old.id()));
    }

    /** A chest X-ray at Roma EUR, booked for the patient through the API and confirmed. */
    private static Reservation bookedXray(Patient patient) {
        String start = freeStart("XRAY-CHEST", "ROMA-EUR", 3).get("start").asText();
        return bookConfirmed(apiAs(patient), "XRAY-CHEST", start, "ROMA-EUR");
    }

    private static List<String> subjectsTo(Patient patient) {
        return runtime.outbox().entries().stream()
                .filter(e -> "EMAIL".equals(e.path("channel").asText()) && patient.email().equals(e.path("to").asText()))
                .map(e -> e.path("subject").asText()).toList();
    }
}
