package com.medicarewizard.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.runtime.pipeline.ApiClient;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * "Your data" on My bookings: a patient downloads their data with their password, then deletes their
 * account after a clear confirmation, in English and in Italian; a wrong password is said on the spot
 * and changes nothing.
 */
class YourDataBrowserIT extends WebsiteSuite {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aPatientDownloadsTheirDataThenDeletesTheirAccount() throws Exception {
        Patient patient = newPatient();
        JsonNode start = freeStart("BLOOD-TEST", "ROMA-NORD", 3);
        Reservation booked = bookConfirmed(apiAs(patient), "BLOOD-TEST", start.get("start").asText(), "ROMA-NORD");
        try (Browser browser = browser("en-GB")) {
            logIn(browser, patient);
            browser.open("/bookings");
            browser.visible("#export-form");
            browser.capture("your-data");

            browser.find("#export-submit").click();
            browser.text("#export-error", "Enter your password");
            browser.type("#export-password", patient.password());
            browser.find("#export-submit").click();
            browser.text("#account-status", "Your data was downloaded");
            Path file = browser.downloads().resolve("medicarewizard-my-data.json");
            JsonNode export = await().atMost(Duration.ofSeconds(30)).until(() -> readJson(file), json -> json != null);
            assertThat(export.at("/profile/email").asText()).isEqualTo(patient.email());
            assertThat(export.at("/profile/taxCode").asText()).isEqualTo("RSSMRA85T10A562S");
            assertThat(export.get("reservations")).singleElement()
                    .satisfies(r -> assertThat(r.get("id").asText()).isEqualTo(booked.id().value()));

            browser.find("#erase-open").click();
            browser.visible("#erase-dialog");
            assertThat(browser.focused().getAttribute("id")).isEqualTo("erase-password");
            browser.type("#erase-password", "not the password at all");
            browser.find("#erase-yes").click();
            browser.text("#erase-error", "Tick the box");
            browser.find("#erase-understood").click();
            browser.find("#erase-yes").click();
            browser.text("#erase-error", "The password is not right");
            browser.capture("erase-confirm");
            assertThat(apiAs(patient).get("/api/v1/me").status()).isEqualTo(200);

            browser.find("#erase-password").clear();
            browser.type("#erase-password", patient.password());
            browser.find("#erase-yes").click();
            browser.text("#notice", "Your account was deleted");
            assertThat(browser.path()).isEqualTo("/login?reason=account-erased");
            browser.capture("account-erased");
        }
        assertThat(api().post("/api/v1/auth/token", "{\"email\":\"%s\",\"password\":\"%s\"}"
                .formatted(patient.email(), patient.password())).status()).isEqualTo(401);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Reservation kept = runtime.reservations().find(booked.id()).orElseThrow();
            assertThat(kept.status()).isEqualTo(ReservationStatus.CANCELLED);
            assertThat(kept.patient()).isEqualTo(PatientId.ERASED);
        });
    }

    @Test
    void inItalianTheConfirmationSpeaksItalianAndKeepingTheAccountChangesNothing() {
        Patient patient = newPatient();
        try (Browser browser = browser("it-IT")) {
            logIn(browser, patient);
            browser.open("/bookings");
            browser.text("#your-data-heading", "I tuoi dati");
            browser.find("#erase-open").click();
            browser.text("#erase-title", "Eliminare il tuo account?");
            browser.capture("erase-confirm-it");
            browser.find("#erase-keep").click();
            browser.until(d -> !browser.find("#erase-dialog").isDisplayed());
            assertThat(browser.focused().getAttribute("id")).isEqualTo("erase-open");
        }
        ApiClient still = apiAs(patient);
        assertThat(still.get("/api/v1/me").status()).isEqualTo(200);
    }

    private static JsonNode readJson(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) > 0 ? JSON.readTree(file.toFile()) : null;
        } catch (IOException stillBeingWritten) {
            return null;
        }
    }
}
