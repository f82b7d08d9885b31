package com.medicarewizard.edge.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The answers the gateway makes itself. They are RFC 9457 problem+json with a stable code, the
 * same shapes the AWS deployment configures as gateway responses; only a failed Lambda answers
 * API Gateway's fixed {@code {"message": "Internal server error"}}.
 */
final class Problems {

    static final String PROBLEM_JSON = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    static Reply notFound() {
        return problem(404, "not-found", "Not Found", "No resource matches this path.", "NOT_FOUND");
    }

    static Reply methodNotAllowed(Set<String> allowed) {
        return problem(405, "method-not-allowed", "Method Not Allowed",
                "This resource does not accept this method.", "METHOD_NOT_ALLOWED")
                .with("Allow", String.join(", ", new TreeSet<>(allowed)));
    }

    static Reply payloadTooLarge(long limit) {
        return problem(413, "payload-too-large", "Payload Too Large",
                "The request body exceeds " + limit + " bytes.", "PAYLOAD_TOO_LARGE")
                // the rest of the body may still be on the way: it is skipped, not read, and the
                // connection is not reused (see ReplyWriter)
                .with("Connection", "close");
    }

    /** The gateway sheds this request: too many are under way (the caller adds Retry-After). */
    static Reply overloaded() {
        return problem(503, "overloaded", "Service Unavailable",
                "Too many requests are under way; retry after the time given.", "OVERLOADED");
    }

    /** The gateway is stopping: a request that reached it then is not invoked (the caller adds Retry-After). */
    static Reply stopping() {
        return problem(503, "overloaded", "Service Unavailable",
                "The service is restarting; retry after the time given.", "OVERLOADED");
    }

    static Reply integrationTimeout() {
        return problem(504, "integration-timeout", "Gateway Timeout",
                "The request took too long to process.", "INTEGRATION_TIMEOUT");
    }

    static Reply internalError() {
        return problem(500, "internal-error", "Internal Server Error",
                "The gateway could not handle this request.", "INTERNAL_ERROR");
    }

    /** What API Gateway answers when the Lambda fails or returns a malformed proxy response. */
    static Reply lambdaFailed() {
        return Reply.of(502, "application/json", "{\"message\": \"Internal server error\"}")
                .with("x-amzn-ErrorType", "InternalServerErrorException");
    }

    private static Reply problem(int status, String slug, String title, String detail, String code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "/problems/" + slug);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("code", code);
        try {
            return Reply.of(status, PROBLEM_JSON, JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
