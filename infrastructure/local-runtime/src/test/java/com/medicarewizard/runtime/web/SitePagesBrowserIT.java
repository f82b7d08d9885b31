package com.medicarewizard.runtime.web;

import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.intake.auth.Digests;
import com.medicarewizard.port.Tokens;
import com.medicarewizard.runtime.pipeline.ApiClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every page shares: the security and caching headers the edge sends, the Italian locale
 * in the site's zone whatever the browser's, and pages that refuse to work with a forged, expired
 * or logged-out token — they send the visitor to log in.
 */
class SitePagesBrowserIT extends WebsiteSuite {
    private static final List<String> PAGES = List.of("/", "/login", "/register", "/reset", "/book", "/bookings", "/ops",
            "/desk", "/admin");
    private static final Pattern ASSET = Pattern.compile("/assets/[A-Za-z0-9_./-]+\\.[0-9a-f]{10}\\.[a-z]+");

    @Test
    void everyPageAssetAndApiAnswerCarriesTheSecurityHeaders() {
        List<String> paths = new ArrayList<>(PAGES);
        paths.add("/no-such-page");
        paths.addAll(assetsOf("/"));
        paths.addAll(assetsOf("/book"));
        paths.addAll(List.of("/api/v1/exam-types", "/api/v1/me", "/api/v1/ops/pipeline"));
        for (String path : paths.stream().distinct().toList()) {
            ApiClient.Answer answer = api().get(path);
            String csp = answer.header("Content-Security-Policy");
            assertThat(csp).as(path).contains("default-src 'self'", "script-src 'self'", "style-src 'self'",
                    "frame-ancestors 'none'").doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(answer.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(answer.header("Referrer-Policy")).as(path).isEqualTo("no-referrer");
            assertThat(answer.header("Set-Cookie")).as(path).isNull();
        }
    }

    @Test
    void pagesAreRevalidatedAssetsAreImmutableAndTextIsGzippedWhenAccepted() {
        for (String page : PAGES) {
            ApiClient.Answer answer = api().get(page);
            assertThat(answer.status()).as(page).isEqualTo(200);
            assertThat(answer.contentType()).as(page).startsWith("text/html");
            assertThat(answer.header("Cache-Control")).as(page).isEqualTo("no-cache");
        }
        List<String> assets = assetsOf("/book");
        assertThat(assets).anyMatch(a -> a.endsWith(".js")).anyMatch(a -> a.endsWith(".css"));
        for (String asset : assets) {
            ApiClient.Answer plain = api().get(asset);
            assertThat(plain.header("Cache-Control")).as(asset).isEqualTo("public, max-age=31536000, immutable");
            assertThat(plain.header("Content-Encoding")).as(asset).isNull();
        }
        String script = assets.stream().filter(a -> a.contains("/book.")).findFirst().orElseThrow();
        ApiClient.Answer gzipped = api().send("GET", script, null, Map.of("Accept-Encoding", "gzip, deflate"));
        assertThat(gzipped.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(gzipped.header("Vary")).contains("Accept-Encoding");
    }

    @Test
    void anUnknownPathShowsTheNotFoundPage() {
        try (Browser browser = browser("en-GB")) {
            browser.open("/no-such-page");
            assertThat(browser.text("main h1", "Page not found").getText()).isEqualTo("Page not found");
            browser.capture("not-found");
        }
    }

    @Test
    void speaksItalianToAnItalianBrowserWithTimesInTheSitesZone() {
        Patient patient = newPatient();
        var start = freeStart("DEXA", "ROMA-EUR", 3);
        Reservation booked = bookConfirmed(apiAs(patient), "DEXA", start.get("start").asText(), "ROMA-EUR");
        try (Browser browser = browser("it-IT")) {
            // the browser lives in New York: the page must still show the center's times
            browser.cdp("Emulation.setTimezoneOverride", Map.of("timezoneId", "America/New_York"));
            browser.open("/");
            browser.visible("li.exam[data-exam='MRI-KNEE'] .earliest");
            assertThat(browser.find("html").getAttribute("lang")).isEqualTo("it");
            assertThat(browser.find("main h1").getText()).isEqualTo("Prenota online il tuo esame diagnostico");
            assertThat(browser.find("li.exam[data-exam='MRI-KNEE'] h3").getText()).isEqualTo("Risonanza magnetica del ginocchio");
            assertThat(browser.find("li.exam[data-exam='MRI-KNEE'] .earliest").getText()).startsWith("Primo orario libero: ")
                    .containsPattern("(lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica) \\d{1,2} [a-z]+ 20\\d\\d");
            browser.capture("home-it");

            logIn(browser, patient);
            var local = booked.start().atZone(ROME);
            String day = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ITALIAN).format(local);
            String time = DateTimeFormatter.ofPattern("HH:mm").format(local);
            assertThat(browser.visible("#upcoming li.booking").getText())
                    .contains("Densitometria ossea (DEXA)", day, time, "Confermata", "Aggiungi al tuo calendario", "Calendario Apple e altri (.ics)");
            browser.capture("bookings-it");

            new Select(browser.find("#language")).selectByValue("en");
            browser.text("main h1", "My bookings");
            assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
            assertThat(browser.visible("#upcoming li.booking").getText()).contains("Bone density scan (DEXA)", "Confirmed");
        }
    }

    @Test
    void aForgedTokenSendsThePatientToLogInAndLeavesPublicPagesLoggedOut() {
        try (Browser browser = browser("en-GB")) {
            for (String page : List.of("/book", "/bookings")) {
                browser.open("/login");
                remember(browser, "forged-" + UUID.randomUUID());
                browser.open(page);
                assertRefused(browser, page);
            }
            browser.open("/");
            remember(browser, "forged-" + UUID.randomUUID());
            browser.open("/");
            browser.visible("header a[href='/login']");
            assertThat(browser.all("#logout")).isEmpty();
            assertThat(browser.script("return sessionStorage.getItem('mcw.session')")).isNull();
        }
    }

    @Test
    void anExpiredTokenSendsThePatientToLogIn() {
        Patient patient = newPatient();
        String id = apiAs(patient).get("/api/v1/me").body().get("id").asText();
        String token = UUID.randomUUID().toString();
        Instant issued = Instant.now().minusSeconds(7200);
        runtime.tokens().store(new Tokens.Session(Digests.sha256Hex(token), new PatientId(id), issued, issued.plusSeconds(3600)));
        try (Browser browser = browser("en-GB")) {
            for (String page : List.of("/book", "/bookings")) {
                browser.open("/login");
                remember(browser, token);
                browser.open(page);
                assertRefused(browser, page);
            }
        }
    }

    @Test
    void aTokenEndedByLoggingOutNoLongerOpensAnyPage() {
        Patient patient = newPatient();
        try (Browser browser = browser("en-GB")) {
            logIn(browser, patient);
            String session = (String) browser.script("return sessionStorage.getItem('mcw.session')");
            browser.find("#logout").click();
            assertThat(browser.text("#notice", "You have logged out.").isDisplayed()).isTrue();
            assertThat(browser.path()).startsWith("/login");
            browser.script("sessionStorage.setItem('mcw.session', arguments[0])", session);
            browser.open("/bookings");
            assertRefused(browser, "/bookings");
        }
    }

    /**
     * Puts a token in the tab's session storage as if the patient had logged in, valid for an hour by
     * the page's clock. It waits for the page to be set up first (its header is shown): a page still
     * setting up would find the token, have it refused and drop it before the next page is opened.
     */
    private static void remember(Browser browser, String token) {
        browser.visible("header.top");
        browser.script("sessionStorage.setItem('mcw.session', JSON.stringify({ token: arguments[0], expiresAt: Date.now() + 3600000 }))",
                token);
    }

    private static void assertRefused(Browser browser, String page) {
        browser.until(d -> browser.path().startsWith("/login?"));
        assertThat(browser.text("#notice", "Your session has ended. Please log in again.").isDisplayed()).isTrue();
        assertThat(browser.path()).contains("next=" + page.replace("/", "%2F"));
        assertThat(browser.script("return sessionStorage.getItem('mcw.session')")).isNull();
        assertThat(browser.all("#upcoming li, #times button, #calendar button")).isEmpty();
    }

    private static List<String> assetsOf(String page) {
        String html = api().get(page).body().asText();
        return ASSET.matcher(html).results().map(java.util.regex.MatchResult::group).distinct().toList();
    }
}
