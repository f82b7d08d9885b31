package com.medicarewizard.edge.local;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits API Gateway (REST API) enforces in front of a Lambda integration.
 *
 * @param maxRequestBytes the largest request body accepted; larger ones get 413
 * @param integrationTimeout how long the integration may take before the gateway answers 504
 */
public record GatewayLimits(long maxRequestBytes, Duration integrationTimeout) {

    /** API Gateway's own: a 10 MB payload and the 29 s integration timeout. */
    public static final GatewayLimits API_GATEWAY = new GatewayLimits(10L * 1024 * 1024, Duration.ofSeconds(29));

    public GatewayLimits {
        Objects.requireNonNull(integrationTimeout, "integrationTimeout");
        if (maxRequestBytes < 0 || integrationTimeout.isNegative() || integrationTimeout.isZero()) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** The same limits with another integration timeout (tests use a short one). */
    public GatewayLimits withIntegrationTimeout(Duration timeout) {
        return new GatewayLimits(maxRequestBytes, timeout);
    }
}
