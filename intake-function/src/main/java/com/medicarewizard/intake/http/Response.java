package com.medicarewizard.intake.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonProcessingException;

import java.util.LinkedHashMap;
import java.util.Map;

/** An answer on its way to API Gateway: status, headers and a JSON body (or none). */
public final class Response {
    private static final String JSON = "application/json";
    private static final String PROBLEM_JSON = "application/problem+json";
    private final int status;
    private final Object body;
    private final boolean raw;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Response(int status, Object body, String contentType) {
        this(status, body, contentType, false);
    }

    private Response(int status, Object body, String contentType, boolean raw) {
        this.status = status;
        this.body = body;
        this.raw = raw;
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
    }

    public static Response json(int status, Object body) {
        return new Response(status, body, JSON);
    }

    /** A JSON body written beforehand (see {@link #writeJson}), sent as it is. */
    public static Response jsonText(int status, String json) {
        return new Response(status, json, JSON, true);
    }

    /** A body as a JSON answer carries it. */
    public static String writeJson(Object body) {
        try {
            return Json.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer could not be written as JSON", e);
        }
    }

    /** A body that is not JSON (e.g. a calendar file), sent as it is. */
    public static Response text(int status, String contentType, String body) {
        return new Response(status, body, contentType, true);
    }

    public static Response noContent() {
        return new Response(204, null, null);
    }

    /** The problem as RFC 9457 problem+json; {@code instance} names the request (its id). */
    public static Response problem(Problem problem, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type());
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.detail());
        body.put("instance", "urn:request:" + instance);
        body.put("code", problem.code());
        if (!problem.errors().isEmpty()) {
            body.put("errors", problem.errors());
        }
        Response response = new Response(problem.status(), body, PROBLEM_JSON);
        problem.headers().forEach(response::header);
        return response;
    }

    public Response header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Answers about one patient, or secrets, must not be kept by browsers or proxies. */
    public Response noStore() {
        return header("Cache-Control", "no-store");
    }

    public int status() {
        return status;
    }

    public APIGatewayProxyResponseEvent toEvent() {
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(status)
                .withHeaders(Map.copyOf(headers))
                .withIsBase64Encoded(false)
                .withBody(body == null ? null : raw ? (String) body : writeJson(body));
    }
}
