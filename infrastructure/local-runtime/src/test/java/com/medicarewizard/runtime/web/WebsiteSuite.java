package com.medicarewizard.runtime.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.edge.ApiRoutes;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.runtime.LocalRuntime;
import com.medicarewizard.runtime.RuntimeConfig;
import com.medicarewizard.runtime.pipeline.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.support.ui.Select;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The embedded runtime with its website, started once per test class, and the steps the browser tests share. */
abstract class WebsiteSuite {
    static final String OPS_TOKEN = "ops-secret-for-tests";
    static final ZoneId ROME = ZoneId.of("Europe/Rome");
    private static final AtomicInteger PATIENTS = new AtomicInteger();

    @TempDir
    static Path data;
    static Chromium chromium;
    static LocalRuntime runtime;

    record Patient(String email, String password) {
    }

    @BeforeAll
    static void startRuntime() throws Exception {
        chromium = Chromium.required();
        runtime = LocalRuntime.start(RuntimeConfig.forTests(data, OPS_TOKEN));
    }

    @AfterAll
    static void stopRuntime() {
        if (runtime != null) {
            runtime.close();
        }
    }

    /**
     * Whether the API contract has this route. The dead-letter and calendar routes arrive with the
     * notifier; until then their browser tests check that the pages leave those features out cleanly.
     */
    static boolean apiHas(String method, String resource) {
        return ApiRoutes.v1().resources().getOrDefault(resource, java.util.Set.of()).contains(method);
    }

    static Browser browser(String language) {
        return new Browser(chromium, base(), language);
    }

    static URI base() {
        return URI.create("http://127.0.0.1:" + runtime.port() + "/");
    }

    static ApiClient api() {
        return new ApiClient(runtime.port());
    }

    /** A patient registered through the API, with credentials to log in with. */
    static Patient newPatient() {
        int n = PATIENTS.incrementAndGet();
        Patient patient = new Patient("web" + n + "-" + System.nanoTime() + "@example.org", "a long passphrase " + n);
        ApiClient.Answer registered = api().post("/api/v1/patients", """
                {"email":"%s","password":"%s","firstName":"Anna","lastName":"Rossi","phone":"+393471234567",
                 "taxCode":"RSSMRA85T10A562S","dateOfBirth":"1985-12-10"}""".formatted(patient.email(), patient.password()));
        assertThat(registered.status()).as("%s", registered).isEqualTo(201);
        return patient;
    }

    static ApiClient apiAs(Patient patient) {
        ApiClient.Answer login = api().post("/api/v1/auth/token",
                "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(patient.email(), patient.password()));
        assertThat(login.status()).as("%s", login).isEqualTo(200);
        return api().withToken(login.body().get("accessToken").asText());
    }

    /** Logs in through the login page, which then shows the patient's bookings. */
    static void logIn(Browser browser, Patient patient) {
        browser.open("/login");
        browser.type("#email", patient.email());
        browser.type("#password", patient.password());
        browser.find("#login-form button[type=submit]").click();
        browser.visible("#logout");
    }

    /** The first free start of an exam at a site, at least {@code daysAhead} days from today. */
    static JsonNode freeStart(String exam, String site, int daysAhead) {
        LocalDate from = LocalDate.now(ROME).plusDays(daysAhead);
        ApiClient.Answer starts = api().get("/api/v1/availability?examType=%s&site=%s&from=%s&to=%s"
                .formatted(exam, site, from, from.plusDays(13)));
        assertThat(starts.status()).as("%s", starts).isEqualTo(200);
        for (JsonNode start : starts.body()) {
            if (start.get("available").asInt() > 0) {
                return start;
            }
        }
        throw new AssertionError("no free " + exam + " start at " + site);
    }

    /** Books a start through the API and waits until the allocator confirmed it. */
    static Reservation bookConfirmed(ApiClient patient, String exam, String start, String site) {
        ApiClient.Answer accepted = patient.post("/api/v1/reservations",
                "{\"examType\":\"%s\",\"start\":\"%s\",\"site\":\"%s\"}".formatted(exam, start, site));
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
        Reservation decided = decided(accepted.body().get("id").asText());
        assertThat(decided.status()).isEqualTo(ReservationStatus.CONFIRMED);
        return decided;
    }

    static Reservation decided(String id) {
        ReservationId reservation = new ReservationId(id);
        await().atMost(Duration.ofSeconds(60)).until(() -> runtime.reservations().find(reservation)
                .map(r -> r.status() != ReservationStatus.PENDING).orElse(false));
        return runtime.reservations().find(reservation).orElseThrow();
    }

    /** On the booking page: waits for the month to load and chooses the first day with free times at least {@code minDay}. */
    static void chooseFreeDay(Browser browser, LocalDate minDay) {
        for (int month = 0; month < 4; month++) {
            awaitMonthLoaded(browser);
            var days = browser.all("#calendar button.day").stream()
                    .filter(b -> !LocalDate.parse(b.getAttribute("data-day")).isBefore(minDay)).toList();
            if (!days.isEmpty()) {
                days.getFirst().click();
                browser.visible("#times button.time");
                return;
            }
            String caption = browser.find("#calendar caption").getText();
            browser.find("#next-month").click();
            browser.until(d -> !browser.find("#calendar caption").getText().equals(caption));
        }
        throw new AssertionError("no free day in the next months");
    }

    /**
     * On the booking page of {@code exam}, at {@code site} (null: any site), chooses the first free time
     * at least {@code daysAhead} days out and waits for Confirm; answers the time's button.
     */
    static org.openqa.selenium.WebElement chooseFirstTime(Browser browser, String exam, String site, int daysAhead) {
        browser.open("/book?exam=" + exam);
        if (site != null) {
            chooseSite(browser, site);
        }
        chooseFreeDay(browser, LocalDate.now(ROME).plusDays(daysAhead));
        org.openqa.selenium.WebElement time = browser.visible("#times button.time");
        time.click();
        browser.visible("#confirm");
        return time;
    }

    static void awaitMonthLoaded(Browser browser) {
        browser.until(d -> {
            String status = browser.find("#calendar-status").getText();
            return !status.isBlank() && !status.equals("Loading…") && !status.equals("Caricamento…");
        });
    }

    static void chooseSite(Browser browser, String site) {
        browser.visible("#site option[value='" + site + "']");
        new Select(browser.find("#site")).selectByValue(site);
    }

    /** Records every status the outcome panel shows, so a test can see PENDING even when it lasts a few ms. */
    static void watchOutcome(Browser browser) {
        browser.script("""
                window.__outcomes = [];
                const outcome = document.getElementById('outcome');
                new MutationObserver(() => window.__outcomes.push(outcome.dataset.status))
                  .observe(outcome, { attributes: true, attributeFilter: ['data-status'] });
                """);
    }

    @SuppressWarnings("unchecked")
    static java.util.List<String> outcomes(Browser browser) {
        return (java.util.List<String>) browser.script("return window.__outcomes");
    }
}
