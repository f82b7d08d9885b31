package com.medicarewizard.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.medicarewizard.domain.patient.EmailAddress;
import com.medicarewizard.runtime.pipeline.FrontDeskStaff;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 18: a member of the front desk logs in on {@code /desk}, registers a patient who phoned, books an exam
 * for them (exam, day, time) and sees the booking CONFIRMED in the day's schedule, marked as the center's —
 * in English and Italian, each page checked by axe-core at both widths.
 */
class DeskPageBrowserIT extends WebsiteSuite {
    private static final String DESK = "luca@example.org";

    @BeforeAll
    static void frontDesk() {
        FrontDeskStaff.make(runtime, DESK, "Luca Verdi");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"en-GB, Logged in as, Booked:, en", "it-IT, Accesso come, Prenotato:, it"})
    void aFrontDeskMemberBooksForAPatientWhoPhonedAndSeesItInTheDaysSchedule(String language, String who,
                                                                           String booked, String code) {
        String email = "phoned-" + code + "-" + System.nanoTime() + "@example.org";
        try (Browser browser = browser(language)) {
            browser.open("/desk");
            browser.visible("#staff-login");
            browser.capture("desk-login-" + code);
            browser.type("#staff-email", DESK);
            browser.type("#staff-password", FrontDeskStaff.PASSWORD);
            browser.find("#staff-login button[type=submit]").click();
            browser.text("#staff-who", who + " Luca Verdi");

            register(browser, email);
            browser.visible("#patient-section");
            browser.text("#patient-heading", "Giulia Neri");
            assertThat(browser.find("#patient-contact").getText()).doesNotContain(email).contains("p***@example.org");

            JsonNode slot = freeStart("XRAY-CHEST", "ROMA-NORD", 3);
            String day = OffsetDateTime.parse(slot.get("start").asText()).atZoneSameInstant(ROME).toLocalDate()
                    .toString();
            new Select(browser.find("#book-exam")).selectByValue("XRAY-CHEST");
            browser.script("document.getElementById('book-day').value = arguments[0]", day);
            browser.find("#book-form button[type=submit]").click();
            WebElement time = browser.visible("#times button");
            browser.capture("desk-times-" + code);
            time.click();
            browser.text("#book-status", booked);

            var patient = runtime.patients().byEmail(new EmailAddress(email)).orElseThrow();
            var reservation = runtime.reservations().ofPatient(patient.id()).getFirst();
            new Select(browser.find("#schedule-site")).selectByValue(reservation.site().value());
            browser.script("document.getElementById('schedule-day').value = arguments[0]",
                    reservation.start().atZone(ROME).toLocalDate().toString());
            browser.find("#schedule-form button[type=submit]").click();
            WebElement row = browser.visible("#schedule tr[data-reservation='" + reservation.id().value() + "']");
            assertThat(row.getText()).contains("Giulia Neri", "Luca Verdi").doesNotContain(email);
            assertThat(row.findElements(By.cssSelector("button"))).hasSize(2);
            browser.capture("desk-schedule-" + code);
        }
    }

    private static void register(Browser browser, String email) {
        browser.type("#reg-email", email);
        browser.type("#reg-firstName", "Giulia");
        browser.type("#reg-lastName", "Neri");
        browser.type("#reg-phone", "347 765 4321");
        browser.type("#reg-taxCode", "RSSMRA85T10A562S");
        browser.script("document.getElementById('reg-dateOfBirth').value = '1990-05-04'");
        browser.find("#register-form button[type=submit]").click();
        browser.visible("#register-status");
    }
}
