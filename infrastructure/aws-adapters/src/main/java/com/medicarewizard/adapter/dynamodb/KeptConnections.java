package com.medicarewizard.adapter.dynamodb;

/**
 * How many idle connections to one host the JDK keeps open for reuse, which is what the SDK's
 * URL-connection HTTP client relies on: {@code http.maxConnections}, 5 unless set. The allocator
 * decides up to a batch's ten requests at once, and each reads several partitions at once
 * ({@link DynamoDbItemTable#queryAll}): with 5 kept, every call beyond them opened a new connection (in
 * AWS a TLS handshake, milliseconds of CPU and a round trip or two) and closed it after one use. (On the
 * local wire endpoint, plain HTTP on loopback, the benchmark's figure did not move with it: what it saves
 * is the handshakes.)
 */
public final class KeptConnections {

    /** Idle connections kept per host: more than a function ever has under way at once. */
    public static final int PER_HOST = 64;
    static final String PROPERTY = "http.maxConnections";

    private KeptConnections() {
    }

    /**
     * Keeps {@link #PER_HOST} unless the JVM was told otherwise. The JDK reads the property once, when
     * it first keeps a connection: call this before the process's first HTTP call (a function's
     * initialisation does).
     */
    public static void ensure() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, String.valueOf(PER_HOST));
        }
    }
}
