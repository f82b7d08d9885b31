package com.medicarewizard.intake.auth;

import com.medicarewizard.intake.http.Problems;
import com.medicarewizard.intake.http.Request;

import java.util.Optional;

/**
 * Admits operators: {@code Authorization: Bearer <MCW_OPS_TOKEN>}, compared in constant time.
 * No token sent is 401; a wrong one 403; with no operator token configured the endpoint is
 * refused to everyone (403), so a missing setting never opens it.
 */
public final class OperatorGuard {
    private final Optional<String> opsToken;

    public OperatorGuard(Optional<String> opsToken) {
        this.opsToken = opsToken;
    }

    public void admit(Request request) {
        if (opsToken.isEmpty()) {
            throw Problems.forbidden("Operator access is not enabled.").raise();
        }
        String given = BearerToken.of(request).orElseThrow(() -> Problems.unauthorized().raise());
        if (!Digests.sameSecret(given, opsToken.get())) {
            throw Problems.forbidden("This token may not call this operation.").raise();
        }
    }
}
