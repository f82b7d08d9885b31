package com.medicarewizard.intake.http;

/** One invalid input field and what is wrong with it, in words that never repeat the input. */
public record FieldError(String field, String message) {
}
