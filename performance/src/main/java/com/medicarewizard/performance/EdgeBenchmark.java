package com.medicarewizard.performance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The edge's 202: {@code POST /api/v1/reservations} over HTTP from 8, 32 and 64 concurrent keep-alive
 * clients, each sending its next request as soon as the last is answered ({@link ClosedLoop}), its
 * throughput (202s a second) and latency; and, at each level, the ceiling of the same edge at the
 * same concurrency, {@code GET /api/v1/me} (the same route through the gateway, the authorizer and
 * the intake handler, without the durable write and the send). Issue 15 measured 60–170 202s a
 * second against 1,100–2,100 for the ceiling: the gap is what accepting durably costs. One line a
 * level, {@code edge clients=N ...}, so that runs can be compared with grep.
 */
final class EdgeBenchmark {
    static final int[] CLIENTS = {8, 32, 64};
    private static final Pattern STARTS = Pattern.compile("\"start\":\"([^\"]+)\"");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\":\"([^\"]+)\"");
    private final HttpClient http = ClosedLoop.http();
    private final URI base;

    EdgeBenchmark(int port) {
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    /** One level: the 202s and the ceiling, measured back to back at the same concurrency. */
    record Level(ClosedLoop.Result accepts, ClosedLoop.Result ceiling) {
        String line() {
            return String.format(Locale.ROOT, "edge clients=%d  202/s=%.0f  p50=%.1f ms  p99=%.1f ms  max=%.1f ms  not202=%d"
                    + "  |  ceiling GET /api/v1/me/s=%.0f  p50=%.1f ms  p99=%.1f ms  (%d requests each)",
                    accepts.clients(), accepts.perSecond(), accepts.latency().percentileMillis(50),
                    accepts.latency().percentileMillis(99), accepts.latency().percentileMillis(100), accepts.unexpected(),
                    ceiling.perSecond(), ceiling.latency().percentileMillis(50), ceiling.latency().percentileMillis(99),
                    accepts.sent());
        }
    }

    /**
     * {@code requests} booking requests at {@code clients} concurrent clients, then as many
     * {@code GET /api/v1/me}; the patients of {@code tokens} (see {@link #patients}) take turns, for
     * starts over the week {@code dayOffset} days ahead.
     */
    Level run(List<String> tokens, int clients, int requests, int dayOffset) throws Exception {
        List<String> starts = starts(dayOffset);
        ClosedLoop.Result accepts = ClosedLoop.run(http, clients, requests, i -> json("/api/v1/reservations",
                tokens.get(i % tokens.size()), "{\"examType\":\"ECG\",\"start\":\"" + starts.get(i % starts.size())
                        + "\",\"site\":\"ROMA-NORD\"}"), 202);
        ClosedLoop.Result ceiling = ClosedLoop.run(http, clients, requests, i -> HttpRequest.newBuilder(base.resolve("/api/v1/me"))
                .header("Authorization", "Bearer " + tokens.get(i % tokens.size())).GET().build(), 200);
        return new Level(accepts, ceiling);
    }

    /** Registers and logs in {@code count} patients at once (each log-in costs a password hash). */
    List<String> patients(int count) throws Exception {
        List<String> tokens = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors())) {
            List<Future<String>> logIns = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                logIns.add(pool.submit(() -> token(n)));
            }
            for (Future<String> logIn : logIns) {
                tokens.add(logIn.get());
            }
        }
        return tokens;
    }

    private List<String> starts(int dayOffset) throws Exception {
        LocalDate from = LocalDate.now(ZoneId.of("Europe/Rome")).plusDays(dayOffset);
        String body = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/availability?examType=ECG&site=ROMA-NORD&from="
                + from + "&to=" + from.plusDays(6))).build(), HttpResponse.BodyHandlers.ofString()).body();
        List<String> starts = new ArrayList<>();
        Matcher m = STARTS.matcher(body);
        while (m.find()) {
            starts.add(m.group(1));
        }
        if (starts.isEmpty()) {
            throw new IllegalStateException("no ECG starts from " + from + ": " + body);
        }
        return starts;
    }

    private String token(int i) throws Exception {
        String email = "bench" + i + "-" + System.nanoTime() + "@example.org";
        String password = "benchmark passphrase " + i;
        http.send(json("/api/v1/patients", null, """
                {"email":"%s","password":"%s","firstName":"Bench","lastName":"Mark","phone":"+393471234567",
                 "taxCode":"RSSMRA85T10A562S","dateOfBirth":"1985-12-10"}""".formatted(email, password)),
                HttpResponse.BodyHandlers.discarding());
        HttpRequest logIn = json("/api/v1/auth/token", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> answer = http.send(logIn, HttpResponse.BodyHandlers.ofString());
            Matcher m = ACCESS_TOKEN.matcher(answer.body());
            if (answer.statusCode() == 200 && m.find()) {
                return m.group(1);
            }
            // log-ins from one address are throttled (429) and hashing sheds load (503): wait as asked, as the page does
            if ((answer.statusCode() != 429 && answer.statusCode() != 503) || attempt == 30) {
                throw new IllegalStateException("log-in failed: " + answer.statusCode() + " " + answer.body());
            }
            long seconds = answer.headers().firstValue("Retry-After").filter(v -> v.matches("\\d+")).map(Long::parseLong)
                    .orElse(1L);
            Thread.sleep(Math.min(seconds, 30) * 1000);
        }
    }

    private HttpRequest json(String path, String token, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.build();
    }
}
