package com.medicarewizard.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * My bookings' reminder wish: a labelled checkbox, in the patient's language, saved as soon as it is
 * ticked (the API's {@code PATCH /api/v1/me}) and shown ticked on the next visit; axe-core finds
 * nothing serious on the page at both widths.
 */
class RemindersBrowserIT extends WebsiteSuite {

    @Test
    void aPatientAsksForTheTwoHourReminderOnMyBookings() {
        Patient patient = newPatient();
        try (Browser browser = browser("it-IT")) {
            logIn(browser, patient);
            browser.open("/bookings");
            browser.text("label[for=remind-two-hours]", "Ricordamelo anche 2 ore prima");
            browser.until(d -> browser.find("#remind-two-hours").isEnabled() ? true : null);
            assertThat(browser.find("#remind-two-hours").isSelected()).isFalse();

            browser.find("label[for=remind-two-hours]").click();
            browser.text("#reminders-status", "Salvato");
            assertThat(apiAs(patient).get("/api/v1/me").body().get("remindTwoHoursBefore").asBoolean()).isTrue();
            browser.capture("bookings-reminders");

            browser.open("/bookings");
            browser.until(d -> browser.find("#remind-two-hours").isEnabled() ? true : null);
            assertThat(browser.find("#remind-two-hours").isSelected()).isTrue();
        }
    }
}
