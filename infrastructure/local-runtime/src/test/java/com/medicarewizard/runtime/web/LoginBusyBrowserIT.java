package com.medicarewizard.runtime.web;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the API is too busy hashing passwords it answers a log-in 503 with {@code Retry-After}; the
 * login page then says so, waits that long and tries again on its own, a bounded number of times.
 * The 503 is played in the page (its {@code fetch} answers the first log-ins itself), since the
 * server's hashing threads cannot be saturated on cue; everything after is the real server.
 */
class LoginBusyBrowserIT extends WebsiteSuite {
    /** Answers the next {@code arguments[0]} log-ins 503 with Retry-After: 1, counting every log-in sent. */
    private static final String REFUSE_LOG_INS = """
            const refusals = arguments[0];
            const real = window.fetch.bind(window);
            window.logInsSent = 0;
            window.fetch = (path, options) => {
              if (String(path).endsWith('/api/v1/auth/token')) {
                window.logInsSent++;
                if (window.logInsSent <= refusals) {
                  return Promise.resolve(new Response(JSON.stringify({ type: 'about:blank', status: 503, code: 'busy',
                      title: 'Service Unavailable' }), { status: 503,
                      headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '1' } }));
                }
              }
              return real(path, options);
            };
            """;
    private static Patient patient;

    @BeforeAll
    static void registerOnePatient() {
        patient = newPatient();
    }

    @Test
    void aBusyLogInIsTriedAgainAfterRetryAfterAndGoesThrough() {
        try (Browser browser = browser("en-GB")) {
            browser.open("/login");
            browser.visible("#login-form");
            browser.script(REFUSE_LOG_INS, 2);

            submit(browser);

            browser.text("#notice", "Many people are logging in; trying again in 1 s");
            browser.until(d -> !browser.driver().getCurrentUrl().contains("/login"));
            assertThat(browser.path()).isEqualTo("/bookings");
        }
    }

    @Test
    void aLogInBusyEveryTimeGivesUpAfterAFewTriesAndSaysSo() {
        try (Browser browser = browser("it-IT")) {
            browser.open("/login");
            browser.visible("#login-form");
            browser.script(REFUSE_LOG_INS, 1_000);

            submit(browser);

            browser.text("#notice", "Molte persone stanno accedendo; nuovo tentativo tra 1 s");
            browser.visible("#login-error");
            assertThat(browser.script("return window.logInsSent")).isEqualTo(6L);
            assertThat(browser.find("#notice").isDisplayed()).isFalse();
            assertThat(browser.find("#login-form button[type=submit]").isEnabled()).isTrue();
            assertThat(browser.path()).startsWith("/login");
        }
    }

    private static void submit(Browser browser) {
        browser.type("#email", patient.email());
        browser.type("#password", patient.password());
        browser.find("#login-form button[type=submit]").click();
    }
}
