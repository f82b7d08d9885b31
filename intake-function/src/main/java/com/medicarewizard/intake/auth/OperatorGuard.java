package com.medicarewizard.intake.auth;

import com.medicarewizard.intake.http.Problems;
import com.medicarewizard.intake.http.Request;

import java.util.Optional;

/**
 * Admits operators: {@code Authorization: Bearer <operator token>}, compared in constant time. The
 * token is {@code MCW_OPS_TOKEN} locally and a Secrets Manager secret in AWS ({@link CachedSecret},
 * read on the first operator request, not when the function starts). No token sent is 401; a wrong one 403; with no operator
 * token configured, or one that cannot be read, the endpoint is refused to everyone (403), so a
 * missing setting or an outage never opens it.
 */
public final class OperatorGuard {
    private final Secret opsToken;

    public OperatorGuard(Optional<String> opsToken) {
        this(Secret.fixed(opsToken));
    }

    public OperatorGuard(Secret opsToken) {
        this.opsToken = opsToken;
    }

    public void admit(Request request) {
        Optional<String> expected = opsToken.value();
        if (expected.isEmpty()) {
            throw Problems.forbidden("Operator access is not enabled.").raise();
        }
        String given = BearerToken.of(request).orElseThrow(() -> Problems.unauthorized().raise());
        if (!Digests.sameSecret(given, expected.get())) {
            throw Problems.forbidden("This token may not call this operation.").raise();
        }
    }
}
