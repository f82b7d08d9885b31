package com.medicarewizard.intake.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem: the HTTP status, a stable {@code code} (also the last segment of its
 * {@code type}), a title, a detail written for people (never a library's exception message, never
 * personal data), per-field errors for validation, and headers that go with it (Retry-After, ...).
 */
public record Problem(int status, String code, String title, String detail, List<FieldError> errors,
                      Map<String, String> headers) {

    public Problem {
        errors = List.copyOf(errors);
        headers = Map.copyOf(headers);
    }

    public static Problem of(int status, String code, String title, String detail) {
        return new Problem(status, code, title, detail, List.of(), Map.of());
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(status, code, title, detail, fieldErrors, headers);
    }

    public Problem withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Problem(status, code, title, detail, errors, more);
    }

    /** Throws this problem to end the request here. */
    public ProblemException raise() {
        return new ProblemException(this);
    }

    public String type() {
        return "/problems/" + code;
    }
}
