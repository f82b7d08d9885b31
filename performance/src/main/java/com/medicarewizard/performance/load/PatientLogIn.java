package com.medicarewizard.performance.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A patient's log-in for the load test's set-up: {@code POST /api/v1/auth/token}, a 503 or 429
 * waited out for its Retry-After (1–10 s) and sent again, up to 20 tries, each try reported as a
 * sample. More patient than the page (which retries a 503 only, 10 times): a set-up that gives up
 * measures nothing; the journeys' own log-in retries as the page does.
 */
final class PatientLogIn {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int TRIES = 20;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final URI base;
    private final String label;

    /** What a correct log-in gives: the access token, and the device token to send with the next log-in from this client. */
    record Tokens(String accessToken, String deviceToken) {
    }

    /** One try: when it started (epoch ms), how long it took, its status (or the exception) and whether it was a 200. */
    record Try(long startMillis, long elapsedMillis, String label, String responseCode, boolean success) {
    }

    PatientLogIn(URI base, String label) {
        this.base = base;
        this.label = label;
    }

    /** The patient's tokens, or empty when a try was refused otherwise than busy or throttled, or every try was. */
    Optional<Tokens> logIn(String email, String password, Consumer<Try> tries) throws InterruptedException {
        String body = json.createObjectNode().put("email", email).put("password", password).toString();
        for (int attempt = 0; attempt < TRIES; attempt++) {
            long startMillis = System.currentTimeMillis();
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/auth/token"))
                        .header("Content-Type", "application/json").header("Accept", "application/json")
                        .timeout(TIMEOUT).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                int status = answer.statusCode();
                tries.accept(new Try(startMillis, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), label,
                        String.valueOf(status), status == 200));
                if (status == 200) {
                    // a body that is not the token's JSON fails the log-in; it is not sent again
                    JsonNode tokens;
                    try {
                        tokens = json.readTree(answer.body());
                    } catch (IOException unreadable) {
                        return Optional.empty();
                    }
                    return Optional.of(new Tokens(tokens.path("accessToken").asText(), tokens.path("deviceToken").asText()));
                }
                if (status != 503 && status != 429) {
                    return Optional.empty();
                }
                long retryAfter = answer.headers().firstValue("Retry-After").filter(v -> v.strip().matches("\\d{1,4}"))
                        .map(v -> Long.parseLong(v.strip())).orElse(1L);
                Thread.sleep(TimeUnit.SECONDS.toMillis(Math.clamp(retryAfter, 1, 10)));
            } catch (IOException e) {
                tries.accept(new Try(startMillis, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), label,
                        "Non HTTP response code: " + e.getClass().getName(), false));
                Thread.sleep(1000);
            }
        }
        return Optional.empty();
    }
}
