package com.medicarewizard.intake.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One invalid input field and what is wrong with it, in words that never repeat the input; where a
 * page words the problem itself, also a stable {@code reason} (the password's rule broken).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String field, String message, String reason) {

    public FieldError(String field, String message) {
        this(field, message, null);
    }
}
