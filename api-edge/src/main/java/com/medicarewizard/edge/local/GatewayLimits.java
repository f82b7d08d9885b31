package com.medicarewizard.edge.local;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits the local gateway enforces: those API Gateway (REST API) enforces in front of a Lambda
 * integration, and those that keep one process standing when clients are slow, many or hostile
 * (in AWS, API Gateway's fleet absorbs them).
 *
 * <p>{@code requestReadTimeout} and {@code maxConnections} are settings of the JDK's HTTP server,
 * which it reads once per JVM: the first gateway started in a JVM sets them for every later one.
 *
 * @param maxRequestBytes the largest request body accepted; a larger declared Content-Length gets
 *     413 before the body is read, a larger chunked body as soon as it is counted
 * @param integrationTimeout how long the integration may take before the gateway answers 504
 * @param requestReadTimeout how long a client may take to send a request's head and body; then its
 *     connection is closed (a connection that sends nothing at all is closed after the same time)
 * @param maxConnections connections open at once; a connection beyond them is closed at once
 * @param maxInFlight requests handled at once; a request beyond them gets 503 with Retry-After
 */
public record GatewayLimits(long maxRequestBytes, Duration integrationTimeout, Duration requestReadTimeout,
                            int maxConnections, int maxInFlight) {

    /**
     * API Gateway's own payload limit (10 MB) and integration timeout (29 s); slow clients closed
     * after 20 s (so within 30 s, as the server checks once a second); room for a spike of a few
     * thousand patients, and no more requests at once than a small heap holds with their bodies.
     */
    public static final GatewayLimits API_GATEWAY = new GatewayLimits(10L * 1024 * 1024, Duration.ofSeconds(29),
            Duration.ofSeconds(20), 4096, 1024);

    public GatewayLimits {
        Objects.requireNonNull(integrationTimeout, "integrationTimeout");
        Objects.requireNonNull(requestReadTimeout, "requestReadTimeout");
        if (maxRequestBytes < 0 || !positive(integrationTimeout) || requestReadTimeout.toSeconds() < 1
                || maxConnections < 1 || maxInFlight < 1) {
            throw new IllegalArgumentException("limits must be positive (the read timeout at least a second)");
        }
    }

    /** The same limits with another integration timeout (tests use a short one). */
    public GatewayLimits withIntegrationTimeout(Duration timeout) {
        return new GatewayLimits(maxRequestBytes, timeout, requestReadTimeout, maxConnections, maxInFlight);
    }

    /** The same limits with another largest request body. */
    public GatewayLimits withMaxRequestBytes(long bytes) {
        return new GatewayLimits(bytes, integrationTimeout, requestReadTimeout, maxConnections, maxInFlight);
    }

    /** The same limits with other bounds on connections and on the time to send a request. */
    public GatewayLimits withConnections(int max, Duration readTimeout) {
        return new GatewayLimits(maxRequestBytes, integrationTimeout, readTimeout, max, maxInFlight);
    }

    /** The same limits with another number of requests handled at once. */
    public GatewayLimits withMaxInFlight(int max) {
        return new GatewayLimits(maxRequestBytes, integrationTimeout, requestReadTimeout, maxConnections, max);
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }
}
