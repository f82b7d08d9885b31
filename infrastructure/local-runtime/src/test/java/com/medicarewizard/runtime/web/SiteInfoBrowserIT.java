package com.medicarewizard.runtime.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, finding 2: the website never said where the sites are. Now every step that shows a site
 * says its address with a plain map link (no map script), and choosing one says when it is open.
 */
class SiteInfoBrowserIT extends WebsiteSuite {
    private static final String EUR_ADDRESS = "Viale Europa 46, 00144 Roma";
    private static final String NORD_ADDRESS = "Via Flaminia 120, 00196 Roma";
    private static final String MAP = "https://www.openstreetmap.org/search?query=";

    @Test
    void everyStepThatShowsASiteSaysWhereItIsAndChoosingOneSaysWhenItIsOpen() {
        Patient patient = newPatient();
        try (Browser browser = browser("en-GB")) {
            logIn(browser, patient);
            browser.open("/book?exam=XRAY-CHEST");
            awaitMonthLoaded(browser);
            // "Any site": where each site is
            WebElement any = browser.text("#site-info", EUR_ADDRESS);
            assertThat(any.getText()).contains("MediCare Roma Nord", NORD_ADDRESS, "MediCare Roma EUR", EUR_ADDRESS);
            assertThat(browser.all("#site-info a")).extracting(a -> a.getAttribute("href"))
                    .containsExactlyInAnyOrder(MAP + "Via+Flaminia+120%2C+00196+Roma", MAP + "Viale+Europa+46%2C+00144+Roma");
            assertThat(browser.find("#site-info a").getAttribute("rel")).contains("noopener");

            chooseSite(browser, "ROMA-EUR");
            WebElement one = browser.text("#site-info", "Opening hours");
            assertThat(one.getText()).contains(EUR_ADDRESS, "Map").doesNotContain(NORD_ADDRESS)
                    .containsPattern("Monday–Friday \\d\\d:\\d\\d–\\d\\d:\\d\\d").contains("Sunday closed");
            browser.capture("book-site-info");

            chooseFreeDay(browser, LocalDate.now(ROME).plusDays(2));
            browser.visible("#times button.time").click();
            assertThat(browser.visible("#summary").getText()).contains("MediCare Roma EUR", EUR_ADDRESS);
            browser.find("#confirm").click();
            browser.visible("#outcome[data-status='CONFIRMED']");
            assertThat(browser.visible("#outcome-where").getText()).contains(EUR_ADDRESS, "Map");
            // add to calendar: Google and Outlook by plain links naming the site, never the exam (health data)
            String google = browser.visible("#outcome-calendar a[data-calendar='google']").getAttribute("href");
            String outlook = browser.find("#outcome-calendar a[data-calendar='outlook']").getAttribute("href");
            assertThat(google).startsWith("https://calendar.google.com/calendar/render?action=TEMPLATE")
                    .contains("MediCare+Roma+EUR", "Viale+Europa+46").doesNotContain("ray", "Ray");
            assertThat(outlook).startsWith("https://outlook.live.com/calendar/0/deeplink/compose?")
                    .contains("startdt=", "enddt=").doesNotContain("ray", "Ray");
            browser.visible("#outcome-calendar button[id^='ics-']");
            browser.capture("book-confirmed-where");

            browser.find("#outcome a[href='/bookings']").click();
            WebElement booking = browser.visible("#upcoming li.booking[data-status='CONFIRMED']");
            assertThat(booking.getText()).contains("MediCare Roma EUR", EUR_ADDRESS);
            assertThat(booking.findElement(org.openqa.selenium.By.cssSelector("a")).getAttribute("href"))
                    .isEqualTo(MAP + "Viale+Europa+46%2C+00144+Roma");
            String dates = booking.findElement(org.openqa.selenium.By.cssSelector("a[data-calendar='google']"))
                    .getAttribute("href").replaceAll(".*dates=([0-9TZ]+)%2F([0-9TZ]+).*", "$1/$2");
            var booked = runtime.reservations().find(new com.medicarewizard.domain.reservation.ReservationId(
                    booking.getAttribute("data-id"))).orElseThrow();
            var compact = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC);
            assertThat(dates).isEqualTo(compact.format(booked.start()) + "/" + compact.format(booked.end()));
        }
    }

    /** Issue 16, finding 7: with "Any site" a day on a phone was 72 full-width buttons, both sites mixed. */
    @Test
    void aDaysTimesOnAPhoneAreGroupedBySiteAndPartOfTheDayAFewToARow() {
        Patient patient = newPatient();
        try (Browser browser = browser("en-GB")) {
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(360, 800));
            logIn(browser, patient);
            browser.open("/book?exam=XRAY-CHEST");
            chooseFreeDay(browser, LocalDate.now(ROME).plusDays(2));

            var groups = browser.all("#times .site-times");
            assertThat(groups).extracting(g -> g.findElement(org.openqa.selenium.By.tagName("h3")).getText())
                    .containsExactlyInAnyOrder("MediCare Roma Nord", "MediCare Roma EUR");
            WebElement first = groups.getFirst();
            assertThat(first.findElements(org.openqa.selenium.By.cssSelector(".part-heading")))
                    .extracting(WebElement::getText).containsAnyOf("Morning", "Afternoon");
            var buttons = first.findElements(org.openqa.selenium.By.cssSelector("button.time"));
            // the time alone is shown; the site is still said to a screen reader, on every time
            assertThat(buttons).allSatisfy(b -> {
                assertThat(b.getAttribute("textContent")).matches("\\d\\d:\\d\\d, MediCare Roma (Nord|EUR)");
                assertThat(b.findElement(org.openqa.selenium.By.cssSelector(".visually-hidden")).getAttribute("textContent"))
                        .startsWith(", MediCare Roma");
            });
            long perRow = buttons.stream().filter(b -> b.getRect().getY() == buttons.getFirst().getRect().getY()).count();
            assertThat(perRow).as("times on the first row at 360 px").isGreaterThanOrEqualTo(3);
            browser.capture("book-times-grouped");

            buttons.getFirst().click();
            assertThat(buttons.getFirst().getAttribute("aria-pressed")).isEqualTo("true");
            browser.visible("#confirm");
        }
    }

    @Test
    void theHoursAreInTheVisitorsLanguage() {
        Patient patient = newPatient();
        try (Browser browser = browser("it-IT")) {
            logIn(browser, patient);
            browser.open("/book?exam=XRAY-CHEST");
            awaitMonthLoaded(browser);
            chooseSite(browser, "ROMA-NORD");
            WebElement info = browser.text("#site-info", "Orari di apertura");
            assertThat(info.getText()).contains(NORD_ADDRESS, "Mappa").containsPattern("lunedì–venerdì \\d\\d:\\d\\d")
                    .contains("domenica chiuso");
        }
    }
}
