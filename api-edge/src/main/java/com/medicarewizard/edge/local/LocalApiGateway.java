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
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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
 * own virtual thread, so a slow integration blocks nothing but its own request. Slow, numerous or
 * oversized requests meet the {@link GatewayLimits}: a client too slow to send its request is
 * closed, connections and requests beyond their caps are refused (503 with Retry-After for a
 * request), and a body declared too large is refused before it is read.
 */
public final class LocalApiGateway implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(LocalApiGateway.class);
    /** Enough pending connections for a spike of thousands of clients on one machine. */
    private static final int BACKLOG = 4096;
    /** What a shed request is told to wait before trying again. */
    private static final String RETRY_AFTER_SECONDS = "1";
    /** How long a stop lets the requests under way finish (the listener closes at once). */
    private static final int STOP_GRACE_SECONDS = 1;

    private final ApiIntegration api;
    private final StaticSite site;
    private final ExecutorService exchanges = Executors.newVirtualThreadPerTaskExecutor();
    private final ExecutorService invocations = Executors.newVirtualThreadPerTaskExecutor();
    private final GatewayLimits limits;
    private final Semaphore inFlight;
    private HttpServer server;
    private boolean stopped;

    /** A gateway with API Gateway's own limits; {@code siteRoot} may be {@code null} (no website). */
    public LocalApiGateway(ApiRoutes routes, ProxyInvoker invoker, String siteRoot) {
        this(routes, invoker, siteRoot, GatewayLimits.API_GATEWAY);
    }

    /**
     * @param routes the API's resources, see {@link ApiRoutes#v1()}
     * @param invoker invokes the Lambda function behind the API
     * @param siteRoot the classpath folder of the website (e.g. {@code "web"}), or {@code null}
     * @param limits what the gateway accepts and how long it waits, see {@link GatewayLimits}
     */
    public LocalApiGateway(ApiRoutes routes, ProxyInvoker invoker, String siteRoot, GatewayLimits limits) {
        Objects.requireNonNull(routes, "routes");
        Objects.requireNonNull(invoker, "invoker");
        Objects.requireNonNull(limits, "limits");
        var events = new ProxyEventFactory(Clock.systemUTC());
        this.api = new ApiIntegration(routes, invoker, limits, events, invocations);
        this.site = siteRoot == null ? null : new StaticSite(siteRoot);
        this.limits = limits;
        this.inFlight = new Semaphore(limits.maxInFlight());
    }

    /** Listens on 127.0.0.1 at {@code port}; 0 picks a free port (see {@link #port()}). */
    public synchronized LocalApiGateway start(int port) throws IOException {
        if (server != null) {
            throw new IllegalStateException("already started on port " + port());
        }
        JdkServerSettings.apply(limits);
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

    /**
     * Stops listening at once (new connections are refused), lets the requests under way finish
     * for a moment, then drops the connections still open and interrupts the integrations still
     * running: once this returns, the integration is no longer called.
     */
    @Override
    public synchronized void close() {
        if (server != null && !stopped) {
            int port = port();
            server.stop(STOP_GRACE_SECONDS);
            stopped = true;
            LOG.info("Local API gateway on port {} stopped", port);
        }
        invocations.shutdown();
        try {
            if (!invocations.awaitTermination(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("Integrations still running after {} s: interrupted", STOP_GRACE_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        invocations.shutdownNow();
        exchanges.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            ReplyWriter.write(exchange, admitted(exchange));
        } catch (IOException e) {
            // the client went away before reading the answer: nothing left to tell it
            LOG.debug("Could not answer {} {}: {}", exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), e.toString());
        }
    }

    /** The answer, or 503 when {@code maxInFlight} requests are under way already. */
    private Reply admitted(HttpExchange exchange) throws IOException {
        if (!inFlight.tryAcquire()) {
            return Problems.overloaded().with("Retry-After", RETRY_AFTER_SECONDS);
        }
        try {
            return answer(exchange);
        } finally {
            inFlight.release();
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
