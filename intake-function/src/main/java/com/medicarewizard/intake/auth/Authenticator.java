package com.medicarewizard.intake.auth;

import com.medicarewizard.intake.http.Problems;
import com.medicarewizard.intake.http.Request;
import com.medicarewizard.port.Tokens;

import java.time.Clock;

/**
 * Finds the patient behind a request's bearer token. Tokens are looked up by their SHA-256 hash;
 * a missing, unknown, expired or revoked one is the same 401 with {@code WWW-Authenticate: Bearer}.
 * Only the shape of an access token is looked up (32 random bytes, base64url): the same table holds
 * device tokens under {@code sha256("device:" + token)}, and {@code Bearer device:<token>} would
 * otherwise find one and act as its patient.
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
                .filter(BearerToken::isAccessToken)
                .flatMap(token -> tokens.find(Digests.sha256Hex(token), clock.instant()))
                .orElseThrow(() -> Problems.unauthorized().raise());
    }
}
