package com.medicarewizard.intake.http;

import com.medicarewizard.domain.patient.EmailAddress;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the fields of a JSON object one by one, collecting every problem, so the client gets all
 * of them in one 400. Only JSON strings are accepted where strings are expected (no coercion).
 */
public final class Form {
    private final ObjectNode body;
    private final List<FieldError> errors = new ArrayList<>();

    public Form(ObjectNode body) {
        this.body = body;
    }

    /** A required string of 1 to {@code maxLength} characters (code points). */
    public Optional<String> required(String field, int maxLength) {
        return text(field, maxLength, true);
    }

    /** A required e-mail address, in its one canonical form ({@link EmailAddress}). */
    public Optional<EmailAddress> email(String field) {
        Optional<String> text = required(field, EmailAddress.MAX_LENGTH);
        try {
            return text.map(EmailAddress::new);
        } catch (IllegalArgumentException notAMailbox) {
            reject(field, "must be a valid e-mail address");
            return Optional.empty();
        }
    }

    /** An optional string; JSON {@code null} counts as absent. */
    public Optional<String> optional(String field, int maxLength) {
        return text(field, maxLength, false);
    }

    /** A required JSON {@code true} or {@code false}. */
    public Optional<Boolean> requiredBoolean(String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            reject(field, "is required");
            return Optional.empty();
        }
        if (!node.isBoolean()) {
            reject(field, "must be true or false");
            return Optional.empty();
        }
        return Optional.of(node.booleanValue());
    }

    /** Rejects every field of the body not in {@code known}: a field the operation cannot change is an error, not ignored. */
    public void onlyFields(java.util.Set<String> known) {
        body.fieldNames().forEachRemaining(field -> {
            if (!known.contains(field)) {
                reject(field, "cannot be changed here");
            }
        });
    }

    private Optional<String> text(String field, int maxLength, boolean required) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                reject(field, "is required");
            }
            return Optional.empty();
        }
        if (!node.isTextual()) {
            reject(field, "must be a string");
            return Optional.empty();
        }
        String value = node.textValue();
        if (value.isBlank()) {
            reject(field, "must not be empty");
            return Optional.empty();
        }
        if (value.codePointCount(0, value.length()) > maxLength) {
            reject(field, "must be at most " + maxLength + " characters long");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** An optional JSON boolean; JSON {@code null} counts as absent. */
    public Optional<Boolean> optionalBoolean(String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isBoolean()) {
            reject(field, "must be true or false");
            return Optional.empty();
        }
        return Optional.of(node.booleanValue());
    }

    public void reject(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** ... with a stable {@code reason} a page can word itself. */
    public void reject(String field, String message, String reason) {
        errors.add(new FieldError(field, message, reason));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Ends the request with a 400 listing every field error, if there is any. */
    public void check() {
        if (hasErrors()) {
            throw Problems.validation(errors).raise();
        }
    }
}
