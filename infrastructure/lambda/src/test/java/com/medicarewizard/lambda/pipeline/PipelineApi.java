package com.medicarewizard.lambda.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.medicarewizard.functions.IntakeSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * The public API as a patient's browser and an operator call it, over HTTP to the gateway in front
 * of the intake entry (API Gateway's part: HTTP to proxy event and back).
 */
final class PipelineApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** API Gateway's integration timeout: the gateway answers 504 by then. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** The one viewer address of the test's patients (documentation range, RFC 5737). */
    private static final String VIEWER = "203.0.113.10";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;

    PipelineApi(URI base) {
        this.base = base;
    }

    /** A patient with an account and a session. */
    record Patient(String id, String email, String phone, String token) {
    }

    /** An answer: status and body (JSON when there is one). */
    record Answer(int status, JsonNode body, HttpResponse<String> raw) {

        String text(String field) {
            return body.path(field).asText();
        }
    }

    /** A fresh e-mail address and Italian mobile number for one patient. */
    static String[] freshIdentity() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        long digits = Long.parseLong(unique, 16) % 10_000_000L;
        return new String[] {"patient-" + unique + "@example.org", "+39347" + String.format("%07d", digits)};
    }

    Answer register(String email, String phone) {
        ObjectNode body = JSON.createObjectNode().put("email", email).put("password", password(email))
                .put("firstName", "Maria").put("lastName", "Rossi").put("phone", phone)
                .put("taxCode", "RSSMRA85T10A562S").put("dateOfBirth", "1985-12-10");
        return send(request("/api/v1/patients").POST(json(body)));
    }

    /** Registers and logs in a new patient; fails unless both succeed. */
    Patient newPatient() {
        String[] identity = freshIdentity();
        Answer registered = register(identity[0], identity[1]);
        require(registered, 201);
        Answer token = send(request("/api/v1/auth/token").POST(json(JSON.createObjectNode()
                .put("email", identity[0]).put("password", password(identity[0])))));
        require(token, 200);
        return new Patient(registered.text("id"), identity[0], identity[1], token.text("accessToken"));
    }

    JsonNode availability(String examType, LocalDate from, LocalDate to) {
        return require(send(request("/api/v1/availability?examType=" + examType + "&from=" + from + "&to=" + to).GET()),
                200).body();
    }

    Answer reserve(Patient patient, String examType, String site, String start, Optional<String> idempotencyKey) {
        HttpRequest.Builder request = as(patient, "/api/v1/reservations").POST(json(JSON.createObjectNode()
                .put("examType", examType).put("site", site).put("start", start)));
        idempotencyKey.ifPresent(key -> request.header("Idempotency-Key", key));
        return send(request);
    }

    Answer reservation(Patient patient, String id) {
        return send(as(patient, "/api/v1/reservations/" + id).GET());
    }

    /** The reservation, read with {@code Prefer: wait=seconds}: answered once it is decided, or after the wait. */
    Answer reservationOnceDecided(Patient patient, String id, int seconds) {
        return send(as(patient, "/api/v1/reservations/" + id).header("Prefer", "wait=" + seconds).GET());
    }

    Answer move(Patient patient, String id, String start) {
        return send(as(patient, "/api/v1/reservations/" + id + "/move").POST(json(JSON.createObjectNode()
                .put("start", start))));
    }

    Answer cancel(Patient patient, String id) {
        return send(as(patient, "/api/v1/reservations/" + id).DELETE());
    }

    /** Joins the waitlist for a time of {@code examType} at {@code site} starting before {@code before}. */
    Answer joinWaitlist(Patient patient, String examType, String site, LocalDate before) {
        return send(as(patient, "/api/v1/waitlist").POST(json(JSON.createObjectNode()
                .put("examType", examType).put("site", site).put("before", before.toString()))));
    }

    Answer waitlist(Patient patient) {
        return send(as(patient, "/api/v1/waitlist").GET());
    }

    Answer leaveWaitlist(Patient patient, String entry) {
        return send(as(patient, "/api/v1/waitlist/" + entry).DELETE());
    }

    /** Takes the time an offer from the waitlist holds. */
    Answer accept(Patient patient, String offer) {
        return send(as(patient, "/api/v1/reservations/" + offer + "/accept").POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** The patient's own reservations. */
    Answer reservations(Patient patient) {
        return send(as(patient, "/api/v1/reservations").GET());
    }

    Answer askResetCode(String email) {
        return send(request("/api/v1/auth/password-reset").POST(json(JSON.createObjectNode().put("email", email))));
    }

    Answer resetPassword(String email, String code, String password) {
        return send(request("/api/v1/auth/password-reset/complete").POST(json(JSON.createObjectNode()
                .put("email", email).put("code", code).put("password", password))));
    }

    Answer logIn(String email, String password) {
        return send(request("/api/v1/auth/token").POST(json(JSON.createObjectNode()
                .put("email", email).put("password", password))));
    }

    Answer me(Patient patient) {
        return send(as(patient, "/api/v1/me").GET());
    }

    Answer acceptStaffInvitation(String token, String password) {
        return send(request("/api/v1/staff/invitation").POST(json(JSON.createObjectNode()
                .put("token", token).put("password", password))));
    }

    Answer staffLogIn(String email, String password) {
        return send(request("/api/v1/staff/auth/token").POST(json(JSON.createObjectNode()
                .put("email", email).put("password", password))));
    }

    /** A call with a bearer token (a member of staff's, or any other) and an optional JSON body. */
    Answer bearer(String token, String method, String path, Optional<JsonNode> body) {
        return send(request(path).header("Authorization", "Bearer " + token).method(method,
                body.map(PipelineApi::json).orElse(HttpRequest.BodyPublishers.noBody())));
    }

    Answer operator(String opsToken, String method, String path) {
        return send(request(path).header("Authorization", "Bearer " + opsToken)
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    static Answer require(Answer answer, int status) {
        if (answer.status() != status) {
            throw new AssertionError("expected " + status + " but got " + answer.status() + ": " + answer.raw().body());
        }
        return answer;
    }

    private static String password(String email) {
        return "Correct-horse-" + email.hashCode();
    }

    private HttpRequest.Builder as(Patient patient, String path) {
        return request(path).header("Authorization", "Bearer " + patient.token());
    }

    /** As CloudFront forwards it: with the viewer's address in the header the stack tells the intake to trust. */
    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT).header("Accept", "application/json")
                .header(IntakeSpec.CLIENT_ADDRESS_HEADER_IN_AWS, VIEWER);
    }

    private static HttpRequest.BodyPublisher json(JsonNode body) {
        return HttpRequest.BodyPublishers.ofString(body.toString());
    }

    private Answer send(HttpRequest.Builder request) {
        HttpRequest built = request.header("Content-Type", "application/json").build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode body = text == null || text.isBlank() ? JSON.nullNode() : JSON.readTree(text);
            return new Answer(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new UncheckedIOException(built.method() + " " + built.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
