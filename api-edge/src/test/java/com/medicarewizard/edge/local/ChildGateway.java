package com.medicarewizard.edge.local;

import com.medicarewizard.edge.ApiRoutes;
import java.time.Duration;

/**
 * A gateway alone in a JVM of its own, for the limits the JDK's HTTP server reads once per JVM:
 * {@code ChildGateway <maxConnections> <readTimeoutSeconds>} prints {@code port=N} once it
 * listens, and stops when its standard input ends.
 */
public final class ChildGateway {

    private ChildGateway() {
    }

    public static void main(String[] args) throws Exception {
        GatewayLimits limits = GatewayLimits.API_GATEWAY.withConnections(Integer.parseInt(args[0]),
                Duration.ofSeconds(Long.parseLong(args[1])));
        try (LocalApiGateway gateway = new LocalApiGateway(ApiRoutes.v1(), new EchoInvoker(), null, limits).start(0)) {
            System.out.println("port=" + gateway.port());
            System.out.flush();
            System.in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }
}
