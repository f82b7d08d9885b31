package com.medicarewizard.intake.auth;

import com.medicarewizard.intake.http.Request;

import java.util.Locale;
import java.util.Optional;

/** The token of an {@code Authorization: Bearer <token>} header, if the request has one. */
public final class BearerToken {
    /** Far beyond our 43-character tokens; longer values are not worth hashing. */
    private static final int MAX_LENGTH = 512;

    private BearerToken() {
    }

    public static Optional<String> of(Request request) {
        return request.header("Authorization")
                .map(String::strip)
                .filter(value -> value.length() > 7 && value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer "))
                .map(value -> value.substring(7).strip())
                .filter(token -> !token.isEmpty() && token.length() <= MAX_LENGTH);
    }
}
