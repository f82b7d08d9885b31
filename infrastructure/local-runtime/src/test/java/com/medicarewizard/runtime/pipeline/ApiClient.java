package com.medicarewizard.runtime.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A patient's (or operator's) HTTP client for the pipeline tests: JSON in, status + JSON out. */
public final class ApiClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger PATIENTS = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    private final URI base;
    private String token;
    private long expiresIn;

    public ApiClient(int port) {
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    public record Answer(int status, JsonNode body, Map<String, java.util.List<String>> headers) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }
    }

    /** Registers a fresh patient and logs in; answers this client, now authenticated. */
    ApiClient asNewPatient() {
        return asNewPatient("patient" + PATIENTS.incrementAndGet() + "-" + System.nanoTime() + "@example.org", "en",
                "+393471234567");
    }

    /** Registers a patient with this address, language and mobile number, and logs in. */
    ApiClient asNewPatient(String email, String language, String phone) {
        int n = PATIENTS.incrementAndGet();
        String password = "a long passphrase " + n;
        Answer registered = send("POST", "/api/v1/patients", """
                {"email":"%s","password":"%s","firstName":"Anna","lastName":"Rossi","phone":"%s",
                 "taxCode":"RSSMRA85T10A562S","dateOfBirth":"1985-12-10","language":"%s"}"""
                .formatted(email, password, phone, language), Map.of());
        if (registered.status() != 201) {
            throw new AssertionError("registration failed: " + registered);
        }
        Answer login = send("POST", "/api/v1/auth/token",
                "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password), Map.of());
        if (login.status() != 200) {
            throw new AssertionError("login failed: " + login);
        }
        token = login.body().get("accessToken").asText();
        expiresIn = login.body().get("expiresIn").asLong();
        return this;
    }

    /** How long the token of the last log-in lives, as the login answered (seconds). */
    long expiresIn() {
        return expiresIn;
    }

    public ApiClient withToken(String bearer) {
        ApiClient other = new ApiClient(base.getPort());
        other.token = bearer;
        return other;
    }

    /** The same caller (same token) talking to a runtime that was restarted on another port. */
    ApiClient onPort(int port) {
        return new ApiClient(port).withToken(token);
    }

    public Answer get(String path) {
        return send("GET", path, null, Map.of());
    }

    public Answer delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    public Answer post(String path, String json) {
        return send("POST", path, json, Map.of());
    }

    public Answer send(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null && !headers.containsKey("Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isEmpty() ? JSON.nullNode() : parse(response.body());
            return new Answer(response.statusCode(), json, response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }
}
