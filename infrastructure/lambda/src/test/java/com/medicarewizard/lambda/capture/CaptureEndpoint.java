package com.medicarewizard.lambda.capture;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local endpoint that stands in for one AWS service on the service's own wire protocol, so that
 * the Lambda entries reach it through their SDK clients exactly as they reach AWS (an endpoint
 * override, nothing else changed). It records every request, decoded, and answers as the service
 * does; a test can switch on a {@link Fault} — a service that accepts the connection and never
 * answers, throttling in the service's own error shape, a 5xx — for every call or for the next few.
 *
 * <p>It listens on a free port of the loopback address only. Each exchange runs on its own virtual
 * thread, so a hung request holds nothing but its own connection. A request without an AWS
 * Signature V4 {@code Authorization} header is refused as AWS refuses it: a client that would not
 * sign in AWS does not pass here either.
 *
 * @param <R> the decoded request
 */
public abstract class CaptureEndpoint<R> implements AutoCloseable {

    /** What the endpoint does instead of answering. */
    public enum Fault {
        /** Accepts the request and never answers, until {@link #heal()} or {@link #close()}. */
        HANG,
        /** Answers the service's throttling error, which the SDK classifies as throttling. */
        THROTTLE,
        /** Answers the service's internal error (HTTP 500). */
        SERVER_ERROR
    }

    /** One request as received, and the fault it met ({@code null}: it was answered). */
    public record Received<R>(R request, Fault fault) {

        public boolean answered() {
            return fault == null;
        }
    }

    private final int throttlingStatus;
    private final String throttlingCode;
    private final String internalErrorCode;
    private final HttpServer server;
    private final ExecutorService exchanges = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Received<R>> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger hanging = new AtomicInteger();
    private Fault fault;
    /** How many more calls meet the fault; negative: every call until healed. */
    private int faultCalls;
    private CountDownLatch release = new CountDownLatch(1);

    /**
     * @param throttlingStatus  the HTTP status of the service's throttling error
     * @param throttlingCode    its error code, as the service's model declares it (the SDK retries it as throttling)
     * @param internalErrorCode the code of the service's internal error (HTTP 500)
     */
    protected CaptureEndpoint(int throttlingStatus, String throttlingCode, String internalErrorCode) {
        this.throttlingStatus = throttlingStatus;
        this.throttlingCode = throttlingCode;
        this.internalErrorCode = internalErrorCode;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on the loopback address", e);
        }
        server.setExecutor(exchanges);
        server.createContext("/", this::exchange);
        server.start();
    }

    /** What to give the SDK client's {@code endpointOverride} (and the {@code MCW_<SERVICE>_ENDPOINT} variable). */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every call meets {@code fault} until {@link #heal()}. */
    public synchronized void fail(Fault fault) {
        fail(fault, -1);
    }

    /** The next {@code calls} calls meet {@code fault}; the ones after are answered. */
    public synchronized void fail(Fault fault, int calls) {
        this.fault = fault;
        this.faultCalls = calls;
    }

    /** Answers every call from now on and lets the hung ones go (their clients gave up long ago). */
    public synchronized void heal() {
        fault = null;
        release.countDown();
        release = new CountDownLatch(1);
    }

    /** How many requests are being held by {@link Fault#HANG} right now. */
    public int hanging() {
        return hanging.get();
    }

    /** Every request received, in order, with the fault it met. */
    public List<Received<R>> received() {
        return List.copyOf(received);
    }

    /** The requests that were answered as the service answers them, in order. */
    public List<R> answered() {
        return received.stream().filter(Received::answered).map(Received::request).toList();
    }

    /** Forgets what was received (between test cases), and heals. */
    public void reset() {
        heal();
        received.clear();
    }

    @Override
    public void close() {
        heal();
        server.stop(0);
        exchanges.shutdownNow();
    }

    /**
     * Decodes one request of the service's protocol.
     *
     * @throws BadRequest when the request is not one this endpoint serves (answered as the service would)
     */
    protected abstract R decode(HttpExchange exchange, byte[] body) throws IOException;

    /** Answers a request as the service does. */
    protected abstract void answer(HttpExchange exchange, R request) throws IOException;

    /** Answers an error in the service's shape: its error code (as the SDK reads it) and a message. */
    protected abstract void error(HttpExchange exchange, int status, String code, String message) throws IOException;

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !authorization.startsWith("AWS4-HMAC-SHA256 Credential=")) {
                error(exchange, 403, "MissingAuthenticationToken", "Request is missing Authentication Token");
                return;
            }
            R request;
            try {
                request = decode(exchange, body);
            } catch (BadRequest e) {
                error(exchange, 400, e.code(), e.getMessage());
                return;
            }
            Fault met = nextFault();
            received.add(new Received<>(request, met));
            if (met == null) {
                answer(exchange, request);
            } else {
                meet(exchange, met);
            }
        }
    }

    private void meet(HttpExchange exchange, Fault met) throws IOException {
        switch (met) {
            case HANG -> hang();
            case THROTTLE -> error(exchange, throttlingStatus, throttlingCode, "Rate exceeded");
            case SERVER_ERROR -> error(exchange, 500, internalErrorCode, "We encountered an internal error");
        }
    }

    /** Holds the request; when released the exchange is closed without an answer. */
    private void hang() {
        CountDownLatch until;
        synchronized (this) {
            until = release;
        }
        hanging.incrementAndGet();
        try {
            until.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            hanging.decrementAndGet();
        }
    }

    private synchronized Fault nextFault() {
        if (fault == null) {
            return null;
        }
        Fault met = fault;
        if (faultCalls > 0 && --faultCalls == 0) {
            fault = null;
        }
        return met;
    }

    /** Sends a complete answer. */
    protected static void send(HttpExchange exchange, int status, String contentType, byte[] body,
                               Map<String, String> headers) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    /** A request the endpoint refuses with HTTP 400 and the service's code. */
    public static final class BadRequest extends RuntimeException {
        private final String code;

        public BadRequest(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
