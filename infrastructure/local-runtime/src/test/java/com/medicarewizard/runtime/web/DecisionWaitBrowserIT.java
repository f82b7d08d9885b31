package com.medicarewizard.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The booking page learns the decision with one read that the API holds until the allocator has
 * decided (Prefer: wait, docs/adr/0010), and still works where a proxy strips the preference and its
 * answer (it polls then). A script put in before the page's own records each read of the reservation
 * and, for the second case, plays that proxy.
 */
class DecisionWaitBrowserIT extends WebsiteSuite {

    /** Wraps fetch: records each read of one reservation; with {@code strip}, drops Prefer and Preference-Applied. */
    private static final String READS = """
            (() => {
              const strip = %s;
              const original = window.fetch.bind(window);
              window.__reads = [];
              window.fetch = async (input, init = {}) => {
                const url = typeof input === 'string' ? input : input.url;
                const read = /\\/api\\/v1\\/reservations\\/[^/?]+$/.test(url) && (init.method ?? 'GET') === 'GET';
                if (read && strip) {
                  const headers = { ...(init.headers ?? {}) };
                  delete headers.Prefer;
                  init = { ...init, headers };
                }
                const response = await original(input, init);
                if (!read) return response;
                window.__reads.push({ prefer: init.headers?.Prefer ?? null,
                  applied: response.headers.get('Preference-Applied') });
                if (!strip) return response;
                const headers = new Headers(response.headers);
                headers.delete('Preference-Applied');
                return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
              };
            })();
            """;

    @Test
    void oneReadThatWaitsBringsTheDecision() {
        List<Map<String, Object>> reads = bookThroughThePage(false, 3);

        assertThat(reads).hasSize(1);
        assertThat(reads.getFirst()).containsEntry("prefer", "wait=20").containsEntry("applied", "wait=20");
    }

    @Test
    void withThePreferenceStrippedOnTheWayThePagePollsAndStillShowsTheDecision() {
        List<Map<String, Object>> reads = bookThroughThePage(true, 4);

        assertThat(reads).isNotEmpty().allSatisfy(read -> assertThat(read)
                .containsEntry("prefer", null).containsEntry("applied", null));
    }

    /** Books an X-ray through the page at least {@code daysAhead} days out; the reads of the reservation it made. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> bookThroughThePage(boolean strip, int daysAhead) {
        try (Browser browser = browser("en-GB")) {
            browser.cdp("Page.addScriptToEvaluateOnNewDocument", Map.of("source", READS.formatted(strip)));
            logIn(browser, newPatient());
            browser.open("/book?exam=XRAY-CHEST");
            chooseSite(browser, "ROMA-NORD");
            chooseFreeDay(browser, LocalDate.now(ROME).plusDays(daysAhead));
            browser.visible("#times button.time").click();
            browser.find("#confirm").click();
            browser.visible("#outcome[data-status='CONFIRMED']");
            return (List<Map<String, Object>>) browser.script("return window.__reads");
        }
    }
}
