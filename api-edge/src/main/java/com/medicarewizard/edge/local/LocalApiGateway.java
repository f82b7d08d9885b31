package com.medicarewizard.edge.local;

import com.medicarewizard.edge.ApiRoutes;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Plays API Gateway (REST API, Lambda proxy integration) on one machine: requests under
 * {@code /api/} become {@code APIGatewayProxyRequestEvent}s for the {@link ProxyInvoker}, with
 * API Gateway's payload limit and integration timeout; every other path is served from the
 * website's files on the classpath as S3 website hosting would.
 *
 * <p>The HTTP server is the JDK's own {@link HttpServer}: it is part of the JDK, so the embedded
 * runtime needs no server library, and it is enough for one machine. Each exchange runs on its
 * own virtual thread, so a slow integration blocks nothing but its own request.
 */
public final class LocalApiGateway implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(LocalApiGateway.class);
    /** Enough pending connections for a spike of thousands of clients on one machine. */
    private static final int BACKLOG = 4096;
    /**
     * The JDK's HTTP server keeps at most 200 idle keep-alive connections and closes the others,
     * which clients then find closed when they reuse them (a failed request under load); like API
     * Gateway, keep every client's connection.
     */
    static final String MAX_IDLE_CONNECTIONS = "sun.net.httpserver.maxIdleConnections";
    /**
     * Without TCP_NODELAY, an answer written as headers then body waits for the client's delayed
     * ACK (Nagle's algorithm): 40 ms added to one answer in two, by the answer's size.
     */
    static final String NO_DELAY = "sun.net.httpserver.nodelay";

    static {
        // read once, when the server class is first used; a value set on the command line wins
        if (System.getProperty(MAX_IDLE_CONNECTIONS) == null) {
            System.setProperty(MAX_IDLE_CONNECTIONS, "100000");
        }
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }

    private final ApiIntegration api;
    private final StaticSite site;
    private final ExecutorService exchanges = Executors.newVirtualThreadPerTaskExecutor();
    private final ExecutorService invocations = Executors.newVirtualThreadPerTaskExecutor();
    private HttpServer server;

    /** A gateway with API Gateway's own limits; {@code siteRoot} may be {@code null} (no website). */
    public LocalApiGateway(ApiRoutes routes, ProxyInvoker invoker, String siteRoot) {
        this(routes, invoker, siteRoot, GatewayLimits.API_GATEWAY);
    }

    /**
     * @param routes the API's resources, see {@link ApiRoutes#v1()}
     * @param invoker invokes the Lambda function behind the API
     * @param siteRoot the classpath folder of the website (e.g. {@code "web"}), or {@code null}
     * @param limits payload limit and integration timeout
     */
    public LocalApiGateway(ApiRoutes routes, ProxyInvoker invoker, String siteRoot, GatewayLimits limits) {
        Objects.requireNonNull(routes, "routes");
        Objects.requireNonNull(invoker, "invoker");
        Objects.requireNonNull(limits, "limits");
        var events = new ProxyEventFactory(Clock.systemUTC());
        this.api = new ApiIntegration(routes, invoker, limits, events, invocations);
        this.site = siteRoot == null ? null : new StaticSite(siteRoot);
    }

    /** Listens on 127.0.0.1 at {@code port}; 0 picks a free port (see {@link #port()}). */
    public synchronized LocalApiGateway start(int port) throws IOException {
        if (server != null) {
            throw new IllegalStateException("already started on port " + port());
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), BACKLOG);
        server.createContext("/", this::handle);
        server.setExecutor(exchanges);
        server.start();
        LOG.info("Local API gateway listening on {}", uri());
        return this;
    }

    /** The port the gateway listens on. */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return server.getAddress().getPort();
    }

    /** The gateway's base address, e.g. {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port() + "/");
    }

    /** Stops listening, drops open connections and interrupts integrations still running. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
        }
        invocations.shutdownNow();
        exchanges.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            ReplyWriter.write(exchange, answer(exchange));
        } catch (IOException e) {
            // the client went away before reading the answer: nothing left to tell it
            LOG.debug("Could not answer {} {}: {}", exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), e.toString());
        }
    }

    private Reply answer(HttpExchange exchange) throws IOException {
        String rawPath = exchange.getRequestURI().getRawPath();
        try {
            if (rawPath.equals("/api") || rawPath.startsWith("/api/")) {
                return api.handle(exchange);
            }
            if (site == null) {
                return Problems.notFound();
            }
            return site.serve(exchange.getRequestMethod(), rawPath,
                    exchange.getRequestHeaders().getFirst("If-None-Match"));
        } catch (RuntimeException e) {
            LOG.error("Gateway failed on {} {}", exchange.getRequestMethod(), rawPath, e);
            return Problems.internalError();
        }
    }
}
