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
            chooseFirstTime(browser, "XRAY-CHEST", null, 2);
            assertThat(browser.find("#duplicate-warning").isDisplayed()).as("another exam: no warning").isFalse();

            chooseFirstTime(browser, "ECG", null, 4);
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
            chooseFirstTime(browser, "XRAY-CHEST", "ROMA-EUR", 2);
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

            // the confirmation took the form's place; booking another brings it back, and a new choice
            // leaves the reservation out of the address: a refresh then is a fresh page
            assertThat(browser.find("#day-heading").isDisplayed()).isFalse();
            browser.visible("#book-another").click();
            chooseFreeDay(browser, LocalDate.now(ROME).plusDays(3));
            browser.visible("#times button.time").click();
            assertThat(browser.path()).doesNotContain("reservation=");
        }
    }

    /** Delays every answer about the MRI's free times by 3 s, and says when the late one was handed over. */
    private static final String MRI_TIMES_LATE = """
            const original = window.fetch.bind(window);
            window.__lateDelivered = false;
            window.fetch = async (input, init = {}) => {
              const url = typeof input === 'string' ? input : input.url;
              const response = await original(input, init);
              if (!/\\/api\\/v1\\/availability\\?.*examType=MRI-KNEE/.test(url)) return response;
              await new Promise(resolve => setTimeout(resolve, 3000));
              window.__lateDelivered = true;
              return response;
            };
            """;

    /** Issue 16, finding 4: on a slow link a summary was built from the previous exam's times. */
    @Test
    void aLateAnswerForTheExamLeftIsIgnored() {
        Patient patient = newPatient();
        try (Browser browser = browser("en-GB")) {
            logIn(browser, patient);
            browser.cdp("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", MRI_TIMES_LATE));
            browser.open("/book?exam=MRI-KNEE");
            browser.text("#calendar-status", "Loading");
            new org.openqa.selenium.support.ui.Select(browser.find("#exam")).selectByValue("XRAY-CHEST");
            awaitMonthLoaded(browser);
            browser.until(d -> Boolean.TRUE.equals(browser.script("return window.__lateDelivered")));

            chooseFreeDay(browser, LocalDate.now(ROME).plusDays(2));
            var times = browser.all("#times button.time");
            String first = times.getFirst().getAttribute("data-start");
            LocalDate chosen = java.time.OffsetDateTime.parse(first).atZoneSameInstant(ROME).toLocalDate();
            var xray = api().get("/api/v1/availability?examType=XRAY-CHEST&from=%s&to=%s".formatted(chosen, chosen)).body();
            long free = 0;
            for (var start : xray) {
                if (start.get("available").asInt() > 0) {
                    free++;
                }
            }
            assertThat((long) times.size()).as("the day's X-ray times, not the MRI's").isEqualTo(free);
            times.getFirst().click();
            assertThat(browser.visible("#summary").getText()).contains("Chest X-ray");
        }
    }

    /**
     * Issue 16, finding 4: the chosen time highlighted and Confirm in view, on a phone and on a desktop;
     * on a phone it stays in view (with the time chosen) when the patient scrolls back up.
     */
    @Test
    void theChosenTimeStandsOutAndConfirmIsInViewAtBothWidths() {
        Patient patient = newPatient();
        for (int width : new int[] {360, 1280}) {
            try (Browser browser = browser("en-GB")) {
                browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(width, 720));
                logIn(browser, patient);
                var time = chooseFirstTime(browser, "MRI-KNEE", null, 2);
                assertThat(time.getAttribute("aria-pressed")).isEqualTo("true");
                assertThat(browser.all("#times button.time[aria-pressed='true']")).hasSize(1);
                Object inView = browser.script("""
                        const r = document.getElementById('confirm').getBoundingClientRect();
                        return r.top >= 0 && r.bottom <= window.innerHeight;""");
                assertThat(inView).as("Confirm in view at %d px", width).isEqualTo(Boolean.TRUE);
                if (width == 360) {
                    // back up to the calendar to look again: on a phone Confirm and the time stay in view
                    Object stillInView = browser.script("""
                            window.scrollTo(0, 0);
                            const r = document.getElementById('confirm').getBoundingClientRect();
                            const choice = document.getElementById('confirm-choice');
                            return r.top >= 0 && r.bottom <= window.innerHeight && choice.offsetParent !== null
                              && choice.textContent.length > 0;""");
                    assertThat(stillInView).as("Confirm kept in view at 360 px").isEqualTo(Boolean.TRUE);
                    browser.capture("book-confirm-bar");
                }
            }
        }
    }

    /** Issue 16, finding 6: an expired session lost the chosen day and time. */
    @Test
    void anExpiredSessionReturnsToTheChosenTimeAfterLoggingIn() {
        Patient patient = newPatient();
        try (Browser browser = browser("en-GB")) {
            logIn(browser, patient);
            String start = chooseFirstTime(browser, "XRAY-CHEST", "ROMA-EUR", 2).getAttribute("data-start");
            // the session ends (a token the API no longer knows) while the patient is about to confirm
            browser.script("sessionStorage.setItem('mcw.session', JSON.stringify({ token: 'x'.repeat(43),"
                    + " expiresAt: Date.now() + 3600000 }))");
            browser.find("#confirm").click();
            browser.text("#notice", "Your session has ended");
            browser.type("#email", patient.email());
            browser.type("#password", patient.password());
            browser.find("#login-form button[type=submit]").click();

            browser.visible("#step-confirm #confirm");
            assertThat(browser.path()).startsWith("/book?");
            assertThat(browser.find("#times button.time[aria-pressed='true']").getAttribute("data-start")).isEqualTo(start);
            assertThat(new org.openqa.selenium.support.ui.Select(browser.find("#site")).getFirstSelectedOption()
                    .getAttribute("value")).isEqualTo("ROMA-EUR");
            browser.find("#confirm").click();
            browser.visible("#outcome[data-status='CONFIRMED']");
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
