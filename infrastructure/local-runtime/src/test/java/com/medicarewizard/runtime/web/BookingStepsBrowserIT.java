package com.medicarewizard.runtime.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, findings 4 and 6: Back left the booking page, and Forward could not return to a step.
 * Each step the patient chooses (exam, site, day, time, a request sent) is now an entry of the
 * browser's history, drawn again from the address alike on Back, Forward and a reload.
 */
class BookingStepsBrowserIT extends WebsiteSuite {

    /** Counts the requests to book that each page loaded sends. */
    private static final String COUNT_BOOKINGS_SENT = """
            window.__sent = 0;
            const original = window.fetch.bind(window);
            window.fetch = (input, init = {}) => {
              const url = typeof input === 'string' ? input : input.url;
              if (/\\/api\\/v1\\/reservations$/.test(url) && init.method === 'POST') window.__sent++;
              return original(input, init);
            };
            """;

    /**
     * Delays every answer about the MRI's free times by 3 s, even when the page gave up on it (a server
     * that answers an aborted read all the same), and says when a late one was handed over.
     */
    private static final String MRI_TIMES_LATE = """
            const late = window.fetch.bind(window);
            window.__lateDelivered = false;
            window.fetch = async (input, init = {}) => {
              const url = typeof input === 'string' ? input : input.url;
              if (!/\\/api\\/v1\\/availability\\?.*examType=MRI-KNEE/.test(url)) return late(input, init);
              const response = await late(input, { ...init, signal: undefined });
              await new Promise(resolve => setTimeout(resolve, 3000));
              window.__lateDelivered = true;
              return response;
            };
            """;

    /** What the booking page shows, read in one script: it redraws its steps as it draws one again. */
    private static final String SHOWN = """
            if (!document.getElementById('calendar')) return { path: location.pathname + location.search, loaded: false };
            const shown = id => document.getElementById(id).offsetParent !== null;
            const status = document.getElementById('calendar-status').textContent;
            return {
              path: location.pathname + location.search,
              language: document.documentElement.lang,
              loaded: status !== '' && !['Loading…', 'Caricamento…'].includes(status),
              exam: document.getElementById('exam').value,
              month: document.querySelector('#calendar caption').textContent,
              day: document.querySelector('#calendar button.day[aria-pressed="true"]')?.dataset.day ?? null,
              times: shown('step-time'),
              time: document.querySelector('#times button.time[aria-pressed="true"]')?.dataset.start ?? null,
              summary: shown('step-confirm'),
              confirm: shown('confirm') && !document.getElementById('confirm').disabled,
              outcome: shown('outcome') ? document.getElementById('outcome').dataset.status : null,
            };""";

    @Test
    void backAndForwardWalkTheStepsChosenAndAReloadOrAnotherLanguageKeepsTheStep() {
        try (Browser browser = browser("en-GB")) {
            logIn(browser, newPatient());
            browser.open("/book");
            awaitMonthLoaded(browser);
            new Select(browser.find("#exam")).selectByValue("XRAY-CHEST");
            awaitShown(browser, "/book?exam=XRAY-CHEST"::equals);
            // another month browsed is no step of its own: the exam's entry names it
            browser.find("#next-month").click();
            Map<String, Object> exam = awaitShown(browser, path -> path.startsWith("/book?exam=XRAY-CHEST&month="));
            chooseFreeDay(browser, LocalDate.now(ROME).plusMonths(1).withDayOfMonth(1));
            Map<String, Object> day = awaitShown(browser, path -> path.contains("day="));
            String start = browser.visible("#times button.time").getAttribute("data-start");
            browser.find("#times button.time").click();
            Map<String, Object> summary = awaitShown(browser, path -> path.contains("start="));
            assertThat(summary).containsEntry("day", day.get("day")).containsEntry("time", start)
                    .containsEntry("confirm", true);

            browser.driver().navigate().back();
            assertThat(awaitShown(browser, day.get("path")::equals)).as("Back from the summary: the day's times")
                    .containsEntry("day", day.get("day")).containsEntry("times", true)
                    .containsEntry("time", null).containsEntry("summary", false);
            browser.capture("book-steps-back-to-day");
            browser.driver().navigate().refresh();
            assertThat(awaitShown(browser, day.get("path")::equals)).as("the day's times reloaded")
                    .containsEntry("day", day.get("day")).containsEntry("times", true).containsEntry("summary", false);

            browser.driver().navigate().back();
            assertThat(awaitShown(browser, exam.get("path")::equals)).as("Back from the day: the exam and its month, no day")
                    .containsEntry("exam", "XRAY-CHEST").containsEntry("month", exam.get("month"))
                    .containsEntry("day", null).containsEntry("times", false).containsEntry("summary", false);

            browser.driver().navigate().forward();
            browser.driver().navigate().forward();
            assertThat(awaitShown(browser, summary.get("path")::equals)).as("Forward twice: the summary")
                    .containsEntry("day", day.get("day")).containsEntry("time", start).containsEntry("confirm", true);
            browser.capture("book-steps-forward-to-summary");
            browser.driver().navigate().refresh();
            assertThat(awaitShown(browser, summary.get("path")::equals)).as("the summary reloaded")
                    .containsEntry("time", start).containsEntry("confirm", true);

            new Select(browser.find("#language")).selectByValue("it");
            assertThat(awaitShown(browser, summary.get("path")::equals, shown -> "it".equals(shown.get("language"))))
                    .as("the summary in Italian").containsEntry("time", start).containsEntry("confirm", true);
            browser.driver().navigate().back();
            assertThat(awaitShown(browser, day.get("path")::equals)).as("Back, in Italian: the day's times")
                    .containsEntry("day", day.get("day")).containsEntry("summary", false);
        }
    }

    /** Two phlebotomists take blood at Roma Nord: the time booked is still free, and its summary still shows. */
    @Test
    void backAfterABookingShowsTheChoiceAndNeverSendsItAgain() {
        Patient patient = newPatient();
        try (Browser browser = browser("en-GB")) {
            browser.cdp("Page.addScriptToEvaluateOnNewDocument", Map.of("source", COUNT_BOOKINGS_SENT));
            logIn(browser, patient);
            String start = chooseFirstTime(browser, "BLOOD-TEST", "ROMA-NORD", 2).getAttribute("data-start");
            String summary = browser.path();
            browser.find("#confirm").click();
            browser.visible("#outcome[data-status='CONFIRMED']");
            String booked = browser.path();
            assertThat(booked).contains("reservation=");

            browser.driver().navigate().back();
            assertThat(awaitShown(browser, summary::equals)).as("Back from the booking: the summary, nothing sent")
                    .containsEntry("outcome", null).containsEntry("time", start).containsEntry("confirm", true);
            assertThat(browser.find("#duplicate-warning").getText()).contains("You already have Blood test booked");
            assertThat(browser.script("return window.__sent")).isEqualTo(1L);
            assertThat(bookingsOf(patient)).isEqualTo(1);
            browser.capture("book-steps-back-after-booking");

            browser.driver().navigate().forward();
            awaitOutcome(browser, booked);
            assertThat(browser.script("return window.__sent")).isEqualTo(1L);

            // Confirm again on the summary that Back brings is the same request: one booking still
            browser.driver().navigate().back();
            awaitShown(browser, summary::equals);
            browser.find("#confirm").click();
            awaitOutcome(browser, booked);
            assertThat(bookingsOf(patient)).isEqualTo(1);

            browser.find("#book-another").click();
            assertThat(awaitShown(browser, path -> !path.contains("reservation="))).as("Book another exam")
                    .containsEntry("outcome", null).containsEntry("day", null);
            browser.driver().navigate().back();
            awaitOutcome(browser, booked);
        }
    }

    /** Back and Forward at once between two exams: the late answer about the exam left is not drawn. */
    @Test
    void aLateAnswerForTheExamThatBackLeftIsIgnored() {
        try (Browser browser = browser("en-GB")) {
            logIn(browser, newPatient());
            browser.cdp("Page.addScriptToEvaluateOnNewDocument", Map.of("source", MRI_TIMES_LATE));
            browser.open("/book?exam=MRI-KNEE");
            awaitShown(browser, "/book?exam=MRI-KNEE"::equals);
            new Select(browser.find("#exam")).selectByValue("XRAY-CHEST");
            awaitShown(browser, "/book?exam=XRAY-CHEST"::equals);
            browser.script("window.__lateDelivered = false");

            browser.driver().navigate().back();
            browser.driver().navigate().forward();
            awaitShown(browser, "/book?exam=XRAY-CHEST"::equals,
                    shown -> Boolean.TRUE.equals(browser.script("return window.__lateDelivered")));

            chooseFreeDay(browser, LocalDate.now(ROME).plusDays(2));
            Map<String, Object> shown = awaitShown(browser, path -> path.contains("day="));
            assertThat(shown).containsEntry("exam", "XRAY-CHEST");
            LocalDate day = LocalDate.parse((String) shown.get("day"));
            long free = 0;
            for (var start : api().get("/api/v1/availability?examType=XRAY-CHEST&from=%s&to=%s".formatted(day, day)).body()) {
                free += start.get("available").asInt() > 0 ? 1 : 0;
            }
            assertThat((long) browser.all("#times button.time").size()).as("the day's X-ray times, not the MRI's").isEqualTo(free);
        }
    }

    /** Waits for the step whose address the test expects, its times read; answers what it shows. */
    private static Map<String, Object> awaitShown(Browser browser, Predicate<String> path) {
        return awaitShown(browser, path, shown -> true);
    }

    /** Waits for the booking of that address, shown confirmed. */
    private static void awaitOutcome(Browser browser, String path) {
        awaitShown(browser, path::equals, shown -> "CONFIRMED".equals(shown.get("outcome")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> awaitShown(Browser browser, Predicate<String> path, Predicate<Map<String, Object>> drawn) {
        return browser.until(d -> {
            Map<String, Object> shown = (Map<String, Object>) browser.script(SHOWN);
            boolean there = path.test((String) shown.get("path")) && Boolean.TRUE.equals(shown.get("loaded"));
            return there && drawn.test(shown) ? shown : null;
        });
    }

    private static int bookingsOf(Patient patient) {
        return apiAs(patient).get("/api/v1/reservations").body().size();
    }
}
