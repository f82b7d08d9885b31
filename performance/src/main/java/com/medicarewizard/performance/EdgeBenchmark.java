package com.medicarewizard.performance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Latency of {@code POST /api/v1/reservations} over HTTP, from a given number of concurrent
 * patients, each sending its requests one after the other (no think time): the edge's 202; and the
 * throughput that makes (202s per second of the whole run), which the table's forces bound.
 */
final class EdgeBenchmark {
    private static final Pattern STARTS = Pattern.compile("\"start\":\"([^\"]+)\"");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    EdgeBenchmark(int port) {
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    Figures run(int patients, int requestsEach, int dayOffset) throws Exception {
        List<String> starts = starts(dayOffset);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < patients; i++) {
            tokens.add(token(i));
        }
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        long began = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int p = 0; p < patients; p++) {
                String token = tokens.get(p);
                int offset = p;
                pool.submit(() -> {
                    for (int i = 0; i < requestsEach; i++) {
                        String start = starts.get((offset * requestsEach + i) % starts.size());
                        long t0 = System.nanoTime();
                        int status = post("/api/v1/reservations", token,
                                "{\"examType\":\"ECG\",\"start\":\"" + start + "\",\"site\":\"ROMA-NORD\"}");
                        nanos.add(System.nanoTime() - t0);
                        if (status != 202) {
                            errors.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        System.out.printf("  %d patients x %d requests: %.0f answered per second (%d not 202)%n", patients,
                requestsEach, nanos.size() / seconds, errors.get());
        if (errors.get() > 0) {
            System.out.println("  edge answered " + errors.get() + " requests with something else than 202");
        }
        return Figures.of("edge POST /reservations -> 202, %d patients".formatted(patients), nanos);
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
        return starts;
    }

    private String token(int i) throws Exception {
        String email = "bench" + i + "-" + System.nanoTime() + "@example.org";
        String password = "benchmark passphrase " + i;
        post("/api/v1/patients", null, """
                {"email":"%s","password":"%s","firstName":"Bench","lastName":"Mark","phone":"+393471234567",
                 "taxCode":"RSSMRA85T10A562S","dateOfBirth":"1985-12-10"}""".formatted(email, password));
        String answer = http.send(json("/api/v1/auth/token", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"accessToken\":\"([^\"]+)\"").matcher(answer);
        if (!m.find()) {
            throw new IllegalStateException("log-in failed: " + answer);
        }
        return m.group(1);
    }

    private int post(String path, String token, String body) throws Exception {
        return http.send(json(path, token, body), HttpResponse.BodyHandlers.discarding()).statusCode();
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
