package com.medicarewizard.runtime.web;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the API is too busy hashing passwords it answers a log-in (or a registration) 503 with
 * {@code Retry-After}; the login page (and the registration page) then says so, waits about that
 * long, stretched at random so a crowd refused together does not return together, and tries again
 * on its own, a bounded number of times. The 503 is played in the page (its {@code fetch} answers
 * the first calls itself), since the server's hashing threads cannot be saturated on cue;
 * everything after is the real server.
 */
class LoginBusyBrowserIT extends WebsiteSuite {
    /**
     * Answers the next {@code arguments[0]} calls of the path {@code arguments[1]} 503 with
     * Retry-After: 1, counting every one sent; records the page's timer delays of a second or more.
     */
    private static final String REFUSE = """
            const refusals = arguments[0];
            const real = window.fetch.bind(window);
            const realTimeout = window.setTimeout.bind(window);
            window.sent = 0;
            window.waits = [];
            window.setTimeout = (run, ms, ...rest) => {
              if (ms >= 1000) window.waits.push(ms);
              return realTimeout(run, ms, ...rest);
            };
            window.fetch = (path, options) => {
              if (String(path).endsWith(arguments[1])) {
                window.sent++;
                if (window.sent <= refusals) {
                  return Promise.resolve(new Response(JSON.stringify({ type: 'about:blank', status: 503, code: 'busy',
                      title: 'Service Unavailable' }), { status: 503,
                      headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '1' } }));
                }
              }
              return real(path, options);
            };
            """;
    private static final String TOKEN = "/api/v1/auth/token";
    private static Patient patient;

    @BeforeAll
    static void registerOnePatient() {
        patient = newPatient();
    }

    @Test
    void aBusyLogInIsTriedAgainAfterRetryAfterAndGoesThrough() {
        try (Browser browser = loginRefusing("en-GB", 2)) {

            submit(browser);

            browser.text("#notice", "Many people are logging in; trying again in 1 s");
            browser.until(d -> !browser.driver().getCurrentUrl().contains("/login"));
            assertThat(browser.path()).isEqualTo("/bookings");
        }
    }

    @Test
    void aLogInBusyEveryTimeGivesUpAfterAFewTriesAndSaysSo() {
        try (Browser browser = loginRefusing("it-IT", 1_000)) {

            submit(browser);

            browser.text("#notice", "Molte persone stanno accedendo; nuovo tentativo tra 1 s");
            browser.visible("#login-error");
            assertThat(browser.script("return window.sent")).isEqualTo(11L);
            assertThat(browser.find("#notice").isDisplayed()).isFalse();
            assertThat(browser.find("#login-form button[type=submit]").isEnabled()).isTrue();
            assertThat(browser.path()).startsWith("/login");
        }
    }

    /** Retry-After: 1 is waited 1 to 1.5 s, as chance has it, so a crowd refused together spreads out. */
    @Test
    void theWaitAfterABusyLogInIsStretchedAtRandom() {
        try (Browser browser = loginRefusing("en-GB", 1_000)) {
            browser.script("const draws = [0, 0.5, 0.75]; Math.random = () => draws.length ? draws.shift() : 0.25;");

            submit(browser);

            browser.visible("#login-error");
            assertThat(browser.script("return window.waits.join(' ')")).isEqualTo("1000 1250 1375 1125 1125 1125 1125 1125 1125 1125");
        }
    }

    @Test
    void aBusyRegistrationIsTriedAgainLikeALogIn() {
        try (Browser browser = browser("en-GB")) {
            browser.open("/register");
            browser.visible("#register-form");
            browser.script(REFUSE, 1, "/api/v1/patients");
            PatientJourneyBrowserIT.fillRegistration(browser, "busy" + System.nanoTime() + "@example.org",
                    "RSSMRA85T10A562S");

            browser.find("#register-form button[type=submit]").click();

            browser.text("#notice", "Many people are registering; trying again in 1 s");
            browser.visible("#logout");
            assertThat(browser.path()).isEqualTo("/book");
        }
    }

    /** The login page, the next {@code refusals} log-ins answered 503 busy. */
    private static Browser loginRefusing(String language, int refusals) {
        Browser browser = browser(language);
        browser.open("/login");
        browser.visible("#login-form");
        browser.script(REFUSE, refusals, TOKEN);
        return browser;
    }

    private static void submit(Browser browser) {
        browser.type("#email", patient.email());
        browser.type("#password", patient.password());
        browser.find("#login-form button[type=submit]").click();
    }
}
