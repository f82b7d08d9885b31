package com.medicarewizard.edge.local;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The settings of the JDK's HTTP server (documented in the {@code jdk.httpserver} module): system
 * properties it reads once, when the first server of the JVM is created. The first gateway sets
 * them from its limits; a value given on the command line wins, and a later gateway asking for
 * other values is told that it cannot have them.
 */
final class JdkServerSettings {

    private static final Logger LOG = LogManager.getLogger(JdkServerSettings.class);
    /**
     * The server keeps at most 200 idle keep-alive connections and closes the others, which
     * clients then find closed when they reuse them (a failed request under load): like API
     * Gateway, keep every client's connection, within {@code maxConnections}.
     */
    static final String MAX_IDLE_CONNECTIONS = "sun.net.httpserver.maxIdleConnections";
    /**
     * Without TCP_NODELAY, an answer written as headers then body waits for the client's delayed
     * ACK (Nagle's algorithm): 40 ms added to one answer in two, by the answer's size.
     */
    static final String NO_DELAY = "sun.net.httpserver.nodelay";
    /** Seconds a request's head and body may take to arrive, and a new connection to start sending. */
    static final String MAX_REQUEST_TIME = "sun.net.httpserver.maxReqTime";
    /** Connections beyond this many are closed as soon as they are accepted. */
    static final String MAX_CONNECTIONS = "jdk.httpserver.maxConnections";
    /**
     * How often (ms) connections that never sent a byte are looked at (10 s by default, which
     * would let them stay open 10 s past the read timeout).
     */
    static final String CLOCK_TICK = "sun.net.httpserver.clockTick";

    private static Map<String, String> inForce;

    private JdkServerSettings() {
    }

    /** Sets the server's properties from {@code limits}, unless they are set already. */
    static synchronized void apply(GatewayLimits limits) {
        Map<String, String> wanted = new LinkedHashMap<>();
        wanted.put(MAX_IDLE_CONNECTIONS, "100000");
        wanted.put(NO_DELAY, "true");
        wanted.put(MAX_REQUEST_TIME, Long.toString(limits.requestReadTimeout().toSeconds()));
        wanted.put(MAX_CONNECTIONS, Integer.toString(limits.maxConnections()));
        wanted.put(CLOCK_TICK, "1000");
        if (inForce == null) {
            wanted.forEach((name, value) -> {
                if (System.getProperty(name) == null) {
                    System.setProperty(name, value);
                }
            });
            inForce = new LinkedHashMap<>();
            wanted.keySet().forEach(name -> inForce.put(name, System.getProperty(name)));
        }
        wanted.forEach((name, value) -> {
            if (!value.equals(inForce.get(name))) {
                LOG.warn("{} stays {} in this JVM (set on the command line or by the first gateway), not {}",
                        name, inForce.get(name), value);
            }
        });
    }
}
