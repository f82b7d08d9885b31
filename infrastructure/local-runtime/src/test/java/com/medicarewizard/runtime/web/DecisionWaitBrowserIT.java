package com.medicarewizard.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The booking page learns the decision with one read that the API holds until the allocator has
 * decided (Prefer: wait, docs/adr/0010), and still works where a proxy strips the preference and its
 * answer (it polls then), or where the first reads are refused for now (503, 504). A script put in
 * before the page's own records each read of the reservation and plays that proxy or those refusals.
 */
class DecisionWaitBrowserIT extends WebsiteSuite {

    /**
     * Wraps fetch: records each read of one reservation; with {@code strip}, drops Prefer and
     * Preference-Applied; the first reads answer the refusals listed (status and Retry-After) instead.
     */
    private static final String READS = """
            (() => {
              const strip = %s;
              const refusals = %s;
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
                if (read && refusals.length) {
                  const [status, retryAfter] = refusals.shift();
                  window.__reads.push({ prefer: init.headers?.Prefer ?? null, applied: null, status });
                  return new Response('{}', { status, headers: retryAfter ? { 'Retry-After': retryAfter } : {} });
                }
                const response = await original(input, init);
                if (!read) return response;
                window.__reads.push({ prefer: init.headers?.Prefer ?? null,
                  applied: response.headers.get('Preference-Applied'), status: response.status });
                if (!strip) return response;
                const headers = new Headers(response.headers);
                headers.delete('Preference-Applied');
                return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
              };
            })();
            """;

    @Test
    void oneReadThatWaitsBringsTheDecision() {
        List<Map<String, Object>> reads = bookThroughThePage(false, 3, "[]");

        assertThat(reads).hasSize(1);
        assertThat(reads.getFirst()).containsEntry("prefer", "wait=20").containsEntry("applied", "wait=20");
    }

    @Test
    void withThePreferenceStrippedOnTheWayThePagePollsAndStillShowsTheDecision() {
        List<Map<String, Object>> reads = bookThroughThePage(true, 4, "[]");

        assertThat(reads).isNotEmpty().allSatisfy(read -> assertThat(read)
                .containsEntry("prefer", null).containsEntry("applied", null));
    }

    /** The request was accepted: a read refused for now is asked again after the time given, not shown as failed. */
    @Test
    void readsRefusedForNowAreAskedAgainAndTheDecisionStillShows() {
        List<Map<String, Object>> reads = bookThroughThePage(false, 5, "[[503, '1'], [429, '1'], [504, null]]");

        assertThat(reads).extracting(read -> ((Number) read.get("status")).intValue())
                .containsExactly(503, 429, 504, 200);
        assertThat(reads.getLast()).containsEntry("applied", "wait=20");
    }

    /**
     * Books an X-ray through the page at least {@code daysAhead} days out, the first reads answered
     * {@code refusals} (a JavaScript array of [status, Retry-After]); the reads of the reservation it made.
     */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> bookThroughThePage(boolean strip, int daysAhead, String refusals) {
        try (Browser browser = browser("en-GB")) {
            browser.cdp("Page.addScriptToEvaluateOnNewDocument",
                    Map.of("source", READS.formatted(strip, refusals)));
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
