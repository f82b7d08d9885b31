package com.medicarewizard.runtime.web;

import com.medicarewizard.domain.reservation.Reservation;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WindowType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, finding 6: a new tab asked to log in again. The token stays in each tab's
 * sessionStorage; a tab without one asks the browser's other tabs for theirs, and logging out in
 * one tab ends the session in all of them (docs/adr/0012-patient-token-in-the-tab.md).
 */
class SessionTabsBrowserIT extends WebsiteSuite {

    @Test
    void aNewTabShowsThePatientsBookingsWithoutLoggingInAgain() {
        try (Browser browser = browser("en-GB")) {
            logInThenOpenBookingsInANewTab(browser, "ROMA-NORD");

            assertThat(browser.path()).isEqualTo("/bookings");
            assertThat(browser.find("header .who").getText()).isEqualTo("Logged in as Anna Rossi");
            assertThat(browser.script("return sessionStorage.getItem('mcw.session')")).as("kept in the new tab").isNotNull();
            assertThat(browser.script("return document.cookie")).isEqualTo("");
            assertThat(browser.script("return localStorage.getItem('mcw.session')")).isNull();
            browser.capture("bookings-new-tab");
        }
    }

    @Test
    void loggingOutInOneTabEndsTheSessionInTheOthers() {
        try (Browser browser = browser("en-GB")) {
            String first = logInThenOpenBookingsInANewTab(browser, "ROMA-EUR");
            String second = browser.driver().getWindowHandle();

            browser.driver().switchTo().window(first);
            browser.visible("#logout").click();
            browser.until(d -> browser.path().startsWith("/login") ? true : null);

            browser.driver().switchTo().window(second);
            browser.until(d -> browser.path().startsWith("/login?") ? true : null);
            browser.text("#notice", "You logged out in another tab.");
            assertThat(browser.all("li.booking")).isEmpty();
            assertThat(browser.all("header .who")).isEmpty();
            assertThat(browser.script("return sessionStorage.getItem('mcw.session')")).isNull();
            browser.capture("login-logged-out-elsewhere");

            browser.driver().navigate().refresh();
            browser.visible("#login-form");
            assertThat(browser.all("header .who")).isEmpty();
            asksToLogIn(browser);
        }
    }

    @Test
    void anExpiredSessionIsNotHandedToANewTab() {
        Patient patient = newPatient();
        try (Browser browser = browser("en-GB")) {
            logIn(browser, patient);
            browser.script("""
                    const saved = JSON.parse(sessionStorage.getItem('mcw.session'));
                    sessionStorage.setItem('mcw.session', JSON.stringify({ ...saved, expiresAt: Date.now() - 1000 }));
                    """);

            browser.driver().switchTo().newWindow(WindowType.TAB);

            asksToLogIn(browser);
        }
    }

    @Test
    void aBrowserWithoutALoggedInTabStillAsksToLogIn() {
        Patient patient = newPatient();
        try (Browser other = browser("en-GB"); Browser fresh = browser("en-GB")) {
            logIn(other, patient);

            asksToLogIn(fresh);
        }
    }

    /**
     * Logs a new patient with a confirmed booking at {@code site} in, then opens My bookings in a new
     * tab, which shows the booking; answers the first tab's handle.
     */
    private static String logInThenOpenBookingsInANewTab(Browser browser, String site) {
        Patient patient = newPatient();
        Reservation booked = bookConfirmed(apiAs(patient), "ECG", freeStart("ECG", site, 5).get("start").asText(), site);
        logIn(browser, patient);
        String first = browser.driver().getWindowHandle();
        browser.driver().switchTo().newWindow(WindowType.TAB);
        browser.open("/bookings");
        browser.visible("#upcoming li.booking[data-id='" + booked.id() + "']");
        return first;
    }

    /** Opens My bookings in the tab shown, which asks to log in as it does without a session: nothing of a patient shows. */
    private static void asksToLogIn(Browser browser) {
        browser.open("/bookings");
        browser.until(d -> browser.path().startsWith("/login?") && browser.path().contains("reason=login-required")
                ? true : null);
        browser.visible("#login-form");
        assertThat(browser.all("header .who")).isEmpty();
        assertThat(browser.all("li.booking")).isEmpty();
        assertThat(browser.script("return sessionStorage.getItem('mcw.session')")).isNull();
    }
}
