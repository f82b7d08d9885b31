package com.medicarewizard.runtime.web;

import com.medicarewizard.domain.reservation.Reservation;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 16, findings 5 and 6: the booking page warns of a second booking of one exam, and survives a refresh. */
class BookingFlowBrowserIT extends WebsiteSuite {

    /** Makes every read of a reservation wait for ever: the page stays on "Processing…" (this page only). */
    private static final String READS_NEVER_ANSWER = """
            const original = window.fetch.bind(window);
            window.fetch = (input, init = {}) => {
              const url = typeof input === 'string' ? input : input.url;
              const read = /\\/api\\/v1\\/reservations\\/[^/?]+$/.test(url) && (init.method ?? 'GET') === 'GET';
              return read ? new Promise(() => {}) : original(input, init);
            };
            """;

    @Test
    void aSecondBookingOfAnExamThePatientHasAheadIsWarnedOfNotRefused() {
        Patient patient = newPatient();
        Reservation first = bookConfirmed(apiAs(patient), "ECG",
                freeStart("ECG", "ROMA-NORD", 3).get("start").asText(), "ROMA-NORD");
        try (Browser browser = browser("en-GB")) {
            logIn(browser, patient);
            browser.open("/book?exam=XRAY-CHEST");
            chooseFreeDay(browser, LocalDate.now(ROME).plusDays(2));
            browser.visible("#times button.time").click();
            browser.visible("#confirm");
            assertThat(browser.find("#duplicate-warning").isDisplayed()).as("another exam: no warning").isFalse();

            browser.open("/book?exam=ECG");
            chooseFreeDay(browser, LocalDate.now(ROME).plusDays(4));
            browser.visible("#times button.time").click();
            String warning = browser.visible("#duplicate-warning").getText();
            assertThat(warning).contains("You already have Electrocardiogram booked", "MediCare Roma Nord");
            assertThat(browser.find("#duplicate-warning a").getAttribute("href")).endsWith("/bookings");
            browser.capture("book-duplicate-warning");
            browser.find("#confirm").click();
            browser.visible("#outcome[data-status='CONFIRMED']");
        }
        assertThat(runtime.reservations().find(first.id()).orElseThrow().status().name()).isEqualTo("CONFIRMED");
    }

    @Test
    void refreshingWhileProcessingResumesTheWaitAndShowsTheDecision() {
        Patient patient = newPatient();
        try (Browser browser = browser("en-GB")) {
            logIn(browser, patient);
            browser.open("/book?exam=XRAY-CHEST");
            chooseSite(browser, "ROMA-EUR");
            chooseFreeDay(browser, LocalDate.now(ROME).plusDays(2));
            browser.visible("#times button.time").click();
            browser.script(READS_NEVER_ANSWER);
            browser.find("#confirm").click();
            browser.visible("#outcome[data-status='PENDING']");
            browser.until(d -> browser.path().contains("reservation="));
            String id = browser.path().replaceAll(".*reservation=([^&]+).*", "$1");

            browser.driver().navigate().refresh();

            browser.visible("#outcome[data-status='CONFIRMED']");
            assertThat(browser.find("#outcome").getText()).contains("Booking confirmed", "Chest X-ray", "MediCare Roma EUR");
            assertThat(decided(id).status().name()).isEqualTo("CONFIRMED");
            assertThat(runtime.reservations().ofPatient(decided(id).patient())).hasSize(1);

            // a new choice leaves the reservation out of the address: a refresh then is a fresh page
            chooseFreeDay(browser, LocalDate.now(ROME).plusDays(3));
            browser.visible("#times button.time").click();
            assertThat(browser.path()).doesNotContain("reservation=");
        }
    }

    @Test
    void anotherPatientsReservationInTheAddressShowsNothingOfIt() {
        Reservation theirs = bookConfirmed(apiAs(newPatient()), "ECG",
                freeStart("ECG", "ROMA-EUR", 5).get("start").asText(), "ROMA-EUR");
        try (Browser browser = browser("en-GB")) {
            logIn(browser, newPatient());
            browser.open("/book?exam=ECG&reservation=" + theirs.id().value());
            awaitMonthLoaded(browser);
            assertThat(browser.find("#outcome").isDisplayed()).isFalse();
            assertThat(browser.path()).isEqualTo("/book?exam=ECG");
        }
    }
}
