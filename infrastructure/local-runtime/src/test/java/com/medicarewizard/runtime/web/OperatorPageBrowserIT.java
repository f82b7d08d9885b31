package com.medicarewizard.runtime.web;

import com.medicarewizard.domain.reservation.Reservation;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The operators' page: it asks for the operator token, shows the pipeline figures refreshed, and redrives dead letters. */
class OperatorPageBrowserIT extends WebsiteSuite {

    @Test
    void asksForTheOperatorTokenAndForgetsAWrongOne() {
        try (Browser browser = browser("en-GB")) {
            browser.open("/ops");
            browser.visible("#token-form");
            browser.capture("ops-token");
            browser.type("#ops-token", "not-the-operator-token");
            browser.find("#token-form button[type=submit]").click();
            browser.text("#token-error", "This token was refused.");
            assertThat(browser.find("#dashboard").isDisplayed()).isFalse();
            assertThat(browser.script("return sessionStorage.getItem('mcw.opsToken')")).isNull();
        }
    }

    @Test
    void showsThePipelineFiguresRefreshedWithAChartOfQueueDepth() {
        bookConfirmed(apiAs(newPatient()), "ECG", freeStart("ECG", "ROMA-NORD", 2).get("start").asText(), "ROMA-NORD");
        try (Browser browser = browser("en-GB")) {
            openDashboard(browser);
            // read in one script: the page redraws the figures every 3 s
            @SuppressWarnings("unchecked")
            var figures = (java.util.Map<String, String>) browser.script("""
                    return Object.fromEntries([...document.querySelectorAll('#figures dd')]
                      .map(dd => [dd.dataset.figure, dd.textContent]));""");
            assertThat(figures).hasSize(8).allSatisfy((name, value) -> assertThat(value).matches("[0-9.,]+"));
            assertThat(figures.get("confirmedPerMinute")).isNotEqualTo("0");
            String updated = browser.visible("#updated").getText();
            browser.until(d -> !browser.find("#updated").getText().equals(updated));
            // a flat line has no height, so it is never "displayed": its points are what counts
            String points = String.valueOf(browser.script(
                    "return document.querySelector('#chart svg polyline')?.getAttribute('points') ?? ''"));
            assertThat(points.split(" ")).hasSizeGreaterThanOrEqualTo(2);
            assertThat(chartLabel(browser)).startsWith("Requests waiting for a decision over the last 10 minutes");
            browser.capture("ops");
            browser.find("#forget-token").click();
            browser.visible("#token-form");
            assertThat(browser.script("return sessionStorage.getItem('mcw.opsToken')")).isNull();
        }
    }

    /**
     * Issue 16, finding 9: a burst of 180 requests, decided in well under the 3 s between two readings,
     * left the chart flat at 0; on a desktop the figures sat under the wrong labels; and the labels spoke
     * in pipeline terms only.
     */
    @Test
    void aBurstDrainedBetweenTwoReadingsShowsOnTheChartAndEachFigureStaysUnderItsLabel() {
        try (Browser browser = browser("en-GB")) {
            openDashboard(browser);
            assertThat(browser.find("#figures").getText()).contains("Requests waiting", "queue depth",
                    "Requests that kept failing", "dead letters", "Time to a decision (s)", "allocator lag");
            for (int width : new int[] {360, 1280}) {
                browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
                // read in one script: the page redraws the figures every 3 s
                Object misplaced = browser.script("""
                        return [...document.querySelectorAll('#figures .figure')].filter(figure => {
                          const label = figure.querySelector('dt').getBoundingClientRect();
                          const number = figure.querySelector('dd').getBoundingClientRect();
                          return number.left !== label.left || number.top <= label.top;
                        }).map(figure => figure.querySelector('dd').dataset.figure);""");
                assertThat((java.util.List<?>) misplaced).as("figures off their labels at %d px", width).isEmpty();
                assertThat(browser.all("#figures .figure")).hasSize(8);
            }

            burstOf(180);

            browser.until(d -> chartLabel(browser).contains("highest 180"));
            browser.capture("ops-burst");
        }
    }

    /** 180 requests for one start, all accepted at once, then put on the queue as the intake does. */
    private static void burstOf(int requests) {
        Patient patient = newPatient();
        var id = runtime.patients().byEmail(new com.medicarewizard.domain.patient.EmailAddress(patient.email()))
                .orElseThrow().id();
        var start = java.time.OffsetDateTime.parse(freeStart("ECG", "ROMA-NORD", 3).get("start").asText()).toInstant();
        var accepted = java.time.Instant.now();
        var ids = new java.util.ArrayList<String>();
        for (int i = 0; i < requests; i++) {
            var pending = Reservation.request(com.medicarewizard.domain.reservation.ReservationId.random(), id,
                    new com.medicarewizard.domain.center.ExamTypeCode("ECG"),
                    new com.medicarewizard.domain.center.SiteId("ROMA-NORD"), start, start.plusSeconds(15 * 60),
                    accepted, "burst-" + i);
            runtime.reservations().create(pending, java.util.Optional.empty());
            ids.add(pending.id().value());
        }
        for (String reservation : ids) {
            runtime.sqs().sendMessage(r -> r.queueUrl(runtime.queueUrls().queueUrl())
                    .messageBody("{\"type\":\"DECIDE\",\"reservationId\":\"" + reservation + "\"}")
                    .messageAttributes(Map.of("correlationId",
                            MessageAttributeValue.builder().dataType("String").stringValue("burst").build())));
        }
    }

    @Test
    void listsTheDeadLettersAndSendsThemBackToTheQueue() {
        if (!apiHas("GET", "/api/v1/ops/dead-letters")) {
            leavesTheDeadLettersOutWhereTheRouteIsMissing();
            return;
        }
        Reservation decided = bookConfirmed(apiAs(newPatient()), "XRAY-CHEST",
                freeStart("XRAY-CHEST", "ROMA-NORD", 4).get("start").asText(), "ROMA-NORD");
        // a decision request parked in the dead-letter queue, as after a poison run; redriving it changes nothing
        runtime.sqs().sendMessage(r -> r.queueUrl(runtime.queueUrls().deadLetterQueueUrl())
                .messageBody("{\"type\":\"DECIDE\",\"reservationId\":\"" + decided.id() + "\"}")
                .messageAttributes(Map.of("correlationId",
                        MessageAttributeValue.builder().dataType("String").stringValue("browser-test").build())));
        try (Browser browser = browser("en-GB")) {
            openDashboard(browser);
            browser.text("#dead-letters tbody", decided.id().value());
            browser.capture("ops-dead-letters");
            browser.find("#redrive").click();
            browser.text("#redrive-status", "1 dead letters sent back to the queue.");
            browser.visible("#no-dead-letters");
        }
        assertThat(decided(decided.id().value())).isEqualTo(decided);
    }

    private static void leavesTheDeadLettersOutWhereTheRouteIsMissing() {
        try (Browser browser = browser("en-GB")) {
            openDashboard(browser);
            String updated = browser.visible("#updated").getText();
            browser.until(d -> !browser.find("#updated").getText().equals(updated));
            assertThat(browser.find("#dead-letters-section").isDisplayed()).isFalse();
            assertThat(browser.find("#updated").getText()).startsWith("Updated at ");
        }
    }

    /** The chart's label, read in one script: the page replaces the chart every 3 s. */
    private static String chartLabel(Browser browser) {
        return String.valueOf(browser.script("return document.querySelector('#chart svg')?.getAttribute('aria-label') ?? ''"));
    }

    private static void openDashboard(Browser browser) {
        browser.open("/ops");
        browser.type("#ops-token", OPS_TOKEN);
        browser.find("#token-form button[type=submit]").click();
        browser.visible("#figures dd");
    }
}
