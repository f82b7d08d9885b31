package com.medicarewizard.functions;

import java.time.Duration;
import java.util.Objects;

/**
 * The intake, behind API Gateway (locally, behind the embedded gateway).
 *
 * @param function      the function
 * @param tokenLifetime how long a patient's access token lives, unless {@code MCW_TOKEN_TTL_SECONDS} says otherwise
 */
public record IntakeSpec(FunctionSpec function, Duration tokenLifetime) {

    public IntakeSpec {
        Objects.requireNonNull(function, "function");
        if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
            throw new IllegalArgumentException("the token lifetime must be positive");
        }
    }
}
