package com.medicarewizard.intake.auth;

import com.medicarewizard.intake.http.Problems;
import com.medicarewizard.intake.http.Request;
import com.medicarewizard.port.Tokens;

import java.time.Clock;

/**
 * Finds the patient behind a request's bearer token. Tokens are looked up by their SHA-256 hash;
 * a missing, unknown, expired or revoked one is the same 401 with {@code WWW-Authenticate: Bearer}.
 */
public final class Authenticator {
    private final Tokens tokens;
    private final Clock clock;

    public Authenticator(Tokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    public Tokens.Session authenticate(Request request) {
        return BearerToken.of(request)
                .flatMap(token -> tokens.find(Digests.sha256Hex(token), clock.instant()))
                .orElseThrow(() -> Problems.unauthorized().raise());
    }
}
