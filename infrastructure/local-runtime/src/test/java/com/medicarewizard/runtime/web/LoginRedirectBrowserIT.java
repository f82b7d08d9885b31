package com.medicarewizard.runtime.web;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The login page sends the patient back to the page that sent them there ({@code next}), and
 * never anywhere else: a crafted link to {@code /login?next=...} must not turn the site's own
 * log-in into a way to another site (an open redirect, the first step of a phishing page that
 * looks like ours).
 */
class LoginRedirectBrowserIT extends WebsiteSuite {
    /** As an attacker writes them in the link, percent-encoded where a browser would keep the code. */
    private static final List<String> CRAFTED = List.of(
            "/%09/evil.example", "/%0A/evil.example", "/%0D/evil.example", "%09//evil.example", "/%00/evil.example",
            "//evil.example", "%2F%2Fevil.example", "/%5Cevil.example", "/\\evil.example", "%5C%5Cevil.example",
            "/%E2%80%A8/evil.example", "/%C2%A0/evil.example", "/./%2F/evil.example", "/.//evil.example",
            "https://evil.example", "https:evil.example", "http%3A%2F%2Fevil.example", "javascript:alert(1)",
            "JaVaScRiPt%3Aalert(1)", "data:text/html,hello", "evil.example", "@evil.example",
            "/login", "/login?next=//evil.example", "");

    /** One account for every log-in here: registering is rate-limited per client, logging in with the right password is not. */
    private static Patient patient;

    @BeforeAll
    static void registerOnePatient() {
        patient = newPatient();
    }

    @ParameterizedTest(name = "next={0}")
    @ValueSource(strings = {"/%09/evil.example", "//evil.example", "/%5Cevil.example", "https://evil.example",
        "javascript:alert(1)", "%2F%2Fevil.example", "/.//evil.example"})
    void aCraftedNextNeverLeavesTheSite(String next) {
        try (Browser browser = browser("en-GB")) {
            logInFrom(browser, "/login?next=" + next);

            URI landed = URI.create(browser.driver().getCurrentUrl());
            assertThat(landed.getScheme() + "://" + landed.getAuthority() + "/").isEqualTo(base().toString());
            assertThat(browser.path()).isEqualTo("/bookings");
        }
    }

    @Test
    void aNextOfThisSiteIsFollowedWithItsQuery() {
        try (Browser browser = browser("en-GB")) {
            logInFrom(browser, "/login?next=%2Fbook%3Fexam%3DECG&reason=login-required");

            assertThat(browser.path()).isEqualTo("/book?exam=ECG");
        }
    }

    /** Issue 16, finding 3: the exam chosen on the home page was lost after registering. */
    @Test
    void aVisitorWhoRegistersInsteadOfLoggingInReturnsToTheExamChosen() {
        try (Browser browser = browser("en-GB")) {
            WebElement register = registerLinkOf(browser, "%2Fbook%3Fexam%3DECG");
            assertThat(register.getAttribute("href")).isEqualTo(base().resolve("/register?next=%2Fbook%3Fexam%3DECG").toString());
            register.click();
            browser.visible("#register-form");
            PatientJourneyBrowserIT.fillRegistration(browser, "back" + System.nanoTime() + "@example.org",
                    "RSSMRA85T10A562S");
            browser.find("#register-form button[type=submit]").click();
            browser.visible("#logout");

            assertThat(browser.path()).isEqualTo("/book?exam=ECG");
        }
    }

    @Test
    void aCraftedNextIsNotCarriedToTheRegistrationPage() {
        try (Browser browser = browser("en-GB")) {
            WebElement register = registerLinkOf(browser, "%2F%2Fevil.example");
            assertThat(register.getAttribute("href")).isEqualTo(base().resolve("/register").toString());
        }
    }

    /** The page's own rule, asked directly for many more values than a log-in each would allow. */
    @Test
    void onlyPathsOfThisSiteAreTakenAsTheNextPage() {
        try (Browser browser = browser("en-GB")) {
            browser.open("/login");
            browser.visible("#login-form");
            String home = base().resolve("/bookings").toString();
            for (String next : CRAFTED) {
                String decoded = (String) browser.script("return new URLSearchParams(arguments[0]).get('next')", "next=" + next);
                assertThat(nextPage(browser, decoded)).as("next=%s", next).isEqualTo(home);
            }
            assertThat(nextPage(browser, null)).isEqualTo(home);
            assertThat(nextPage(browser, "/book?exam=ECG")).isEqualTo(base().resolve("/book?exam=ECG").toString());
            assertThat(nextPage(browser, "/bookings#upcoming")).isEqualTo(base().resolve("/bookings#upcoming").toString());
            assertThat(nextPage(browser, "/")).isEqualTo(base().toString());
            // a path that only looks like a host stays a page of this site (its 404 page)
            assertThat(nextPage(browser, "/@evil.example")).isEqualTo(base().resolve("/@evil.example").toString());
        }
    }

    /** The login page's link to register, once the page's script has set it, with {@code next} (encoded) asked. */
    private static WebElement registerLinkOf(Browser browser, String next) {
        browser.open("/login?next=" + next + "&reason=login-required");
        // said by the page's script just before it sets the link
        browser.text("#notice", "Please log in to continue.");
        return browser.visible("#login-form ~ p a[data-i18n='login.registerLink']");
    }

    private static void logInFrom(Browser browser, String loginPage) {
        browser.open(loginPage);
        browser.type("#email", patient.email());
        browser.type("#password", patient.password());
        browser.find("#login-form button[type=submit]").click();
        browser.until(d -> !browser.driver().getCurrentUrl().contains("/login"));
        browser.until(d -> "complete".equals(browser.script("return document.readyState")));
    }

    /** Calls {@code nextPage} of the module the login page loaded (its name carries a content hash). */
    private static String nextPage(Browser browser, String next) {
        @SuppressWarnings("unchecked")
        Map<String, Object> answer = (Map<String, Object>) browser.driver().executeAsyncScript("""
                const [next, done] = arguments;
                const module = performance.getEntriesByType('resource').map(e => e.name)
                  .find(name => /\\/assets\\/js\\/next-page\\.[0-9a-f]+\\.js$/.test(name));
                import(module).then(m => done({ url: m.nextPage(next, location.origin) }),
                                    e => done({ error: String(e) }));
                """, next);
        assertThat(answer).doesNotContainKey("error");
        return (String) answer.get("url");
    }
}
