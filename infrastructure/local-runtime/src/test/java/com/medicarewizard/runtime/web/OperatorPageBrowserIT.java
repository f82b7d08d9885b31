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
            assertThat(browser.visible("dd[data-figure='confirmedPerMinute']").getText()).isNotEqualTo("0");
            assertThat(browser.all("#figures dd")).hasSize(8).allSatisfy(dd -> assertThat(dd.getText()).matches("[0-9.,]+"));
            String updated = browser.visible("#updated").getText();
            browser.until(d -> !browser.find("#updated").getText().equals(updated));
            // a flat line has no height, so it is never "displayed": its points are what counts
            String points = browser.find("#chart svg polyline").getAttribute("points");
            assertThat(points.split(" ")).hasSizeGreaterThanOrEqualTo(2);
            assertThat(browser.find("#chart svg").getAttribute("aria-label")).startsWith("Queue depth over the last 10 minutes: now 0");
            browser.capture("ops");
            browser.find("#forget-token").click();
            browser.visible("#token-form");
            assertThat(browser.script("return sessionStorage.getItem('mcw.opsToken')")).isNull();
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

    private static void openDashboard(Browser browser) {
        browser.open("/ops");
        browser.type("#ops-token", OPS_TOKEN);
        browser.find("#token-form button[type=submit]").click();
        browser.visible("#figures dd");
    }
}
