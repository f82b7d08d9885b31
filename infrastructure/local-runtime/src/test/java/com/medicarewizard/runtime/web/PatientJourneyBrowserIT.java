package com.medicarewizard.runtime.web;

import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.runtime.pipeline.ApiClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The patient's website in headless Chromium on the embedded runtime: the seven steps of the
 * original load test (home, login page, log in, booking page, my bookings, book an exam, cancel
 * it), registration, and a booking that is rejected because someone else took the time.
 */
class PatientJourneyBrowserIT extends WebsiteSuite {

    @Test
    void playsTheSevenStepsOfTheOriginalLoadTest() {
        Patient patient = newPatient();
        Map<String, Long> millis = new LinkedHashMap<>();
        try (Browser browser = browser("en-GB")) {
            long t = System.nanoTime();
            browser.open("/");
            assertThat(browser.visible("li.exam[data-exam='MRI-KNEE'] .earliest").getText()).startsWith("Earliest free time: ");
            assertThat(browser.all("li.exam")).hasSize(8);
            assertThat(browser.find("li.exam[data-exam='MRI-KNEE']").getText()).contains("Remove all metal objects");
            t = step(millis, "1 home page", t);
            browser.capture("home");

            t = System.nanoTime();
            browser.find("header a[href='/login']").click();
            browser.visible("#login-form");
            t = step(millis, "2 login page", t);
            browser.capture("login");

            t = System.nanoTime();
            browser.type("#email", patient.email());
            browser.type("#password", patient.password());
            browser.find("#login-form button[type=submit]").click();
            browser.visible("#logout");
            assertThat(browser.path()).isEqualTo("/bookings");
            t = step(millis, "3 log in", t);

            t = System.nanoTime();
            browser.find("header a[href='/book']").click();
            awaitMonthLoaded(browser);
            t = step(millis, "4 booking page", t);
            chooseSite(browser, "ROMA-EUR");
            browser.capture("book");

            t = System.nanoTime();
            browser.find("header a[href='/bookings']").click();
            browser.visible("#no-upcoming");
            t = step(millis, "5 display my bookings", t);

            browser.open("/book?exam=XRAY-CHEST");
            chooseSite(browser, "ROMA-EUR");
            chooseFreeDay(browser, LocalDate.now(ROME).plusDays(2));
            WebElement time = browser.visible("#times button.time");
            String start = time.getAttribute("data-start");
            time.click();
            browser.capture("book-confirm");
            watchOutcome(browser);
            t = System.nanoTime();
            browser.find("#confirm").click();
            browser.visible("#outcome[data-status='CONFIRMED']");
            t = step(millis, "6 book an exam", t);
            assertThat(outcomes(browser)).containsSubsequence("PENDING", "CONFIRMED");
            assertThat(browser.find("#outcome").getText()).contains("Booking confirmed", "Chest X-ray", "MediCare Roma EUR");
            browser.capture("book-confirmed");

            browser.find("#outcome a[href='/bookings']").click();
            WebElement booking = browser.visible("#upcoming li.booking[data-status='CONFIRMED']");
            assertThat(booking.getText()).contains("Chest X-ray", "Confirmed", "MediCare Roma EUR");
            String id = booking.getAttribute("data-id");
            assertThat(runtime.reservations().find(new ReservationId(id)).orElseThrow().start())
                    .isEqualTo(OffsetDateTime.parse(start).toInstant());
            browser.capture("bookings");
            t = System.nanoTime();
            browser.find("#cancel-" + id).click();
            browser.visible("#cancel-dialog[open] #cancel-yes");
            browser.capture("bookings-cancel");
            browser.find("#cancel-yes").click();
            browser.text("#bookings-status", "Booking cancelled");
            step(millis, "7 remove the booking", t);
            assertThat(browser.visible("#past li.booking[data-id='" + id + "']").getAttribute("data-status")).isEqualTo("CANCELLED");
            assertThat(runtime.reservations().find(new ReservationId(id)).orElseThrow().status())
                    .isEqualTo(ReservationStatus.CANCELLED);
        }
        System.out.println("Browser journey (ms per step): " + millis);
    }

    @Test
    void booksWithTheKeyboardAloneWithTheFocusAlwaysVisible() {
        Patient patient = newPatient();
        try (Browser browser = browser("en-GB")) {
            browser.open("/login");
            browser.visible("#login-form");
            // the form is in the page's HTML; the header with the skip link comes once the page's script has run
            browser.until(d -> !browser.all("header.top a.skip").isEmpty());
            browser.keys(Keys.TAB);
            assertThat(browser.focused().getText()).isEqualTo("Skip to content");
            assertThat(browser.focused().getRect().getY()).isGreaterThanOrEqualTo(0);
            browser.keys(Keys.ENTER);
            assertThat(browser.focused().getAttribute("id")).isEqualTo("main");
            tabTo(browser, "#email").sendKeys(patient.email());
            browser.keys(Keys.TAB);
            browser.focused().sendKeys(patient.password(), Keys.ENTER);
            browser.visible("#logout");

            browser.open("/book?exam=ECG");
            awaitMonthLoaded(browser);
            // two days ahead at least, so the first time cannot fall inside the minimum notice meanwhile
            LocalDate earliest = LocalDate.now(ROME).plusDays(2);
            WebElement dayButton = tabTo(browser, "#calendar button.day");
            while (LocalDate.parse(dayButton.getAttribute("data-day")).isBefore(earliest)) {
                dayButton = tabTo(browser, "#calendar button.day");
            }
            LocalDate day = LocalDate.parse(dayButton.getAttribute("data-day"));
            browser.keys(Keys.ENTER);
            browser.until(d -> "times-heading".equals(browser.focused().getAttribute("id")));
            assertThat(browser.find("#times-heading").getText())
                    .contains(day.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK)));
            tabTo(browser, "#times button.time");
            browser.keys(Keys.ENTER);
            browser.until(d -> "confirm-heading".equals(browser.focused().getAttribute("id")));
            tabTo(browser, "#confirm");
            browser.keys(Keys.ENTER);
            browser.visible("#outcome[data-status='CONFIRMED']");
            assertThat(browser.focused().getAttribute("id")).isEqualTo("outcome-heading");
        }
    }

    /** Presses Tab until the focus is on an element matching the selector, checking on the way that each focus is visible. */
    private static WebElement tabTo(Browser browser, String css) {
        for (int i = 0; i < 60; i++) {
            browser.keys(Keys.TAB);
            WebElement focused = browser.focused();
            assertThat(browser.script("const s = getComputedStyle(arguments[0]); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2",
                    focused)).as("visible focus on %s", focused.getTagName() + "#" + focused.getAttribute("id")).isEqualTo(true);
            if ((Boolean) browser.script("return arguments[0].matches(arguments[1])", focused, css)) {
                return focused;
            }
        }
        throw new AssertionError("Tab never reached " + css);
    }

    @Test
    void registersANewPatientAfterPointingOutTheFieldsToCorrect() {
        try (Browser browser = browser("en-GB")) {
            browser.open("/register");
            browser.visible("#register-form");
            browser.capture("register");
            fillRegistration(browser, "giulia" + System.nanoTime() + "@example.org", "RSSMRA85T10A562X");
            browser.find("#register-form button[type=submit]").click();
            WebElement errors = browser.visible("#register-errors");
            assertThat(errors.getText()).contains("Please correct these fields",
                    "Enter your tax code as on your health card: 16 letters and digits (spaces do not matter).");
            assertThat(browser.find("#phone").getAttribute("aria-invalid")).as("the phone as the hint shows it").isNull();
            assertThat(browser.find("#taxCode").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.find("#email").getAttribute("aria-invalid")).isNull();
            browser.capture("register-errors");

            browser.type("#taxCode", "RSSMRA85T10A562S");
            browser.find("#register-form button[type=submit]").click();
            browser.visible("#logout");
            assertThat(browser.path()).isEqualTo("/book");
            assertThat(browser.find("header .who").getText()).isEqualTo("Logged in as Giulia Verdi");
        }
    }

    /** Issue 16, finding 3: a refused password was told every rule at once, not the one it broke. */
    @Test
    void aRefusedPasswordIsToldTheRuleItBroke() {
        try (Browser browser = browser("en-GB")) {
            browser.open("/register");
            browser.visible("#register-form");
            String email = "giulia" + System.nanoTime() + "@example.org";
            fillRegistration(browser, email, "RSSMRA85T10A562S");
            Map<String, String> told = new LinkedHashMap<>();
            for (String password : List.of("too short", email.split("@")[0] + "!", "passwordpassword")) {
                browser.type("#password", password);
                browser.find("#register-form button[type=submit]").click();
                String before = told.isEmpty() ? "" : told.values().stream().reduce((a, b) -> b).orElseThrow();
                told.put(password, browser.until(d -> {
                    String text = browser.find("#password-error").getText();
                    return text.isEmpty() || text.equals(before) ? null : text;
                }));
            }
            assertThat(told.values()).containsExactly(
                    "Use at least 12 characters: a few words together make a good password.",
                    "Choose a password that does not contain your e-mail address.",
                    "This password is too common or easy to guess: choose another; a few unrelated words make a good one.");
            assertThat(browser.find("#register-errors").getText()).contains(told.get("passwordpassword"));
        }
    }

    /** Issue 16, finding 6: after logging out, Back showed the previous patient's bookings. */
    @Test
    void afterLoggingOutBackShowsNothingOfThePatient() {
        Patient patient = newPatient();
        try (Browser browser = browser("en-GB")) {
            logIn(browser, patient);
            browser.until(d -> browser.path().equals("/bookings") ? true : null);
            browser.visible("header .who");
            browser.find("#logout").click();
            browser.until(d -> browser.path().startsWith("/login") ? true : null);

            browser.driver().navigate().back();

            browser.until(d -> browser.path().startsWith("/login?") && browser.path().contains("reason=login-required")
                    ? true : null);
            assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector("header .who"))).isEmpty();
        }
    }

    /** Issue 13, row 3: five failures by anyone locked an account for 15 minutes, for its owner too. */
    @Test
    void othersFailedLogInsDoNotHoldUpAPatientInTheBrowserSheLoggedInFromBefore() {
        Patient patient = newPatient();
        try (Browser browser = browser("en-GB")) {
            logIn(browser, patient);
            assertThat((String) browser.script("return localStorage.getItem('mcw.devices')"))
                    .doesNotContain(patient.email()).matches("\\{\"[0-9a-f]{64}\":\"[A-Za-z0-9_-]{43}\"}");
            browser.find("#logout").click();
            for (int i = 0; i < 6; i++) {
                api().post("/api/v1/auth/token", "{\"email\":\"%s\",\"password\":\"guess %d\"}"
                        .formatted(patient.email(), i));
            }

            logIn(browser, patient);

            assertThat(browser.path()).isEqualTo("/bookings");
        }
    }

    @Test
    void aTimeTakenMeanwhileIsRejectedPlainlyAndTheNearestFreeTimesAreOffered() {
        Patient patient = newPatient();
        try (Browser browser = browser("en-GB")) {
            logIn(browser, patient);
            browser.open("/book?exam=MRI-KNEE");
            chooseSite(browser, "ROMA-NORD");
            chooseFreeDay(browser, LocalDate.now(ROME).plusDays(3));
            WebElement time = browser.visible("#times button.time");
            String start = time.getAttribute("data-start");
            time.click();
            // issue 16, finding 4: the chosen time is highlighted, and only it
            assertThat(time.getAttribute("aria-pressed")).isEqualTo("true");
            assertThat(browser.all("#times button.time[aria-pressed='true']")).hasSize(1);

            // someone else books that very time while the patient reads the summary
            ApiClient other = apiAs(newPatient());
            bookConfirmed(other, "MRI-KNEE", start, "ROMA-NORD");

            watchOutcome(browser);
            browser.find("#confirm").click();
            WebElement outcome = browser.visible("#outcome[data-status='REJECTED']");
            assertThat(outcomes(browser)).containsSubsequence("PENDING", "REJECTED");
            assertThat(outcome.getText()).contains("This time could not be booked",
                    "Someone else booked that time just before you. Nothing has been booked for you.");
            browser.text("#alternatives-heading", "The nearest free times:");
            var alternatives = browser.all("#alternatives button.time");
            assertThat(alternatives).isNotEmpty().hasSizeLessThanOrEqualTo(5)
                    .allSatisfy(b -> assertThat(b.getAttribute("data-start")).isNotEqualTo(start));
            browser.capture("book-rejected");

            String alternative = alternatives.getFirst().getAttribute("data-start");
            alternatives.getFirst().click();
            // ... and the refusal, said of the earlier choice, goes as an alternative is picked
            browser.until(d -> browser.find("#outcome").isDisplayed() ? null : true);
            browser.visible("#step-confirm #confirm").click();
            browser.visible("#outcome[data-status='CONFIRMED']");
            Reservation booked = apiAs(patient).get("/api/v1/reservations").body().findValuesAsText("id").stream()
                    .map(id -> runtime.reservations().find(new ReservationId(id)).orElseThrow())
                    .filter(r -> r.status() == ReservationStatus.CONFIRMED).findFirst().orElseThrow();
            assertThat(booked.start()).isEqualTo(OffsetDateTime.parse(alternative).toInstant());
        }
    }

    @Test
    void downloadsTheCalendarFileOfAConfirmedBookingWithTheRightInstantAndZone() throws Exception {
        Patient patient = newPatient();
        Reservation booked = bookConfirmed(apiAs(patient), "US-ABDOMEN",
                freeStart("US-ABDOMEN", "ROMA-NORD", 5).get("start").asText(), "ROMA-NORD");
        try (Browser browser = browser("en-GB")) {
            logIn(browser, patient);
            browser.visible("#ics-" + booked.id()).click();
            if (!apiHas("GET", "/api/v1/reservations/{id}/calendar")) {
                // where the route is missing the page says so, and nothing is downloaded
                browser.text("#bookings-status", "The calendar file is not available for this booking.");
                assertThat(browser.downloads()).isEmptyDirectory();
                return;
            }
            browser.text("#bookings-status", "Calendar file for Abdominal ultrasound downloaded.");
            Path file = browser.downloads().resolve("medicarewizard-" + booked.id() + ".ics");
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.isRegularFile(file));
            CalendarFile ics = CalendarFile.parse(Files.readString(file));
            assertThat(ics.start()).isEqualTo(booked.start());
            assertThat(ics.end()).isEqualTo(booked.end());
            assertThat(ics.zone()).isEqualTo(ROME);
        }
    }

    static void fillRegistration(Browser browser, String email, String taxCode) {
        browser.type("#email", email);
        browser.type("#password", "three quiet rivers at dawn");
        browser.type("#firstName", "Giulia");
        browser.type("#lastName", "Verdi");
        // as people write them: the phone as the page's hint shows it, the tax code in groups as on
        // the health card, in lower case (both were refused once)
        browser.type("#phone", "+39 333 123 4567");
        browser.type("#taxCode", (taxCode.substring(0, 6) + " " + taxCode.substring(6, 11) + " "
                + taxCode.substring(11)).toLowerCase(java.util.Locale.ROOT));
        // a date input takes the keys of the browser's locale: set the value and tell the page as a person would
        browser.script("const f = document.getElementById('dateOfBirth'); f.value = '1990-04-21';"
                + "f.dispatchEvent(new Event('input', { bubbles: true }));");
    }

    private static long step(Map<String, Long> millis, String name, long started) {
        millis.put(name, Duration.ofNanos(System.nanoTime() - started).toMillis());
        return System.nanoTime();
    }
}
