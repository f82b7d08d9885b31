package com.medicarewizard.intake.http;

import com.medicarewizard.domain.limit.Verdict;

import java.util.List;

/** The problems every route may answer, with their stable codes. */
public final class Problems {

    private Problems() {
    }

    public static Problem validation(List<FieldError> errors) {
        return Problem.of(400, "validation-failed", "Bad Request", "Some fields are missing or invalid.")
                .withErrors(errors);
    }

    public static Problem validation(String field, String message) {
        return validation(List.of(new FieldError(field, message)));
    }

    public static Problem malformedJson(String detail) {
        return Problem.of(400, "malformed-json", "Bad Request", detail);
    }

    public static Problem unsupportedContentType() {
        return Problem.of(400, "unsupported-content-type", "Bad Request", "The body must be sent as application/json.");
    }

    public static Problem bodyTooLarge(int limit) {
        return Problem.of(400, "body-too-large", "Bad Request", "The body must not exceed " + limit + " bytes.");
    }

    /** A missing, unknown, expired or revoked token: one answer for all, so none is told apart. */
    public static Problem unauthorized() {
        return Problem.of(401, "unauthorized", "Unauthorized", "A valid bearer token is required.")
                .withHeader("WWW-Authenticate", "Bearer");
    }

    public static Problem forbidden(String detail) {
        return Problem.of(403, "forbidden", "Forbidden", detail);
    }

    /** Not there, or not the caller's: the same answer, so a patient learns nothing of others' data. */
    public static Problem notFound() {
        return Problem.of(404, "not-found", "Not Found", "No such resource.");
    }

    public static Problem methodNotAllowed(String allowed) {
        return Problem.of(405, "method-not-allowed", "Method Not Allowed", "This resource does not accept this method.")
                .withHeader("Allow", allowed);
    }

    /** A rate limit reached: 429 with its stable code and Retry-After, in whole seconds, also in the detail. */
    public static Problem rateLimited(String code, String what, Verdict.Refused refused) {
        String seconds = Long.toString(refused.retryAfterSeconds());
        return Problem.of(429, code, "Too Many Requests", what + "; try again in " + seconds + " seconds.")
                .withHeader("Retry-After", seconds);
    }

    /** Too much work waiting already (password checks): try again shortly, rather than wait without end. */
    public static Problem busy() {
        return Problem.of(503, "busy", "Service Unavailable", "Too many requests are waiting; please try again shortly.")
                .withHeader("Retry-After", "1");
    }

    /**
     * 503 {@code busy} for a password hash that would wait longer than the hashing threads' backlog
     * allows: nothing was done, and {@code Retry-After} says when the backlog will about have gone.
     */
    public static Problem busyHashing(long seconds) {
        return Problem.of(503, "busy", "Service Unavailable",
                        "Many people are logging in or registering at once; please try again in " + seconds + " s.")
                .withHeader("Retry-After", Long.toString(seconds));
    }

    public static Problem internalError() {
        return Problem.of(500, "internal-error", "Internal Server Error",
                "Something went wrong on our side; please try again later.");
    }
}
