package com.medicarewizard.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClosedLoopTest {
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            clientPorts.add(exchange.getRemoteAddress().getPort());
            int status = exchange.getRequestURI().getPath().equals("/refuse") ? 429 : 202;
            inFlight.decrementAndGet();
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void sendsEveryRequestFromAtMostThatManyKeptAliveConnections() throws Exception {
        ClosedLoop.Result result = ClosedLoop.run(ClosedLoop.http(), 4, 200, i -> request("/api/v1/reservations"), 202);

        assertThat(result.sent()).isEqualTo(200);
        assertThat(result.unexpected()).isZero();
        assertThat(result.latency().sortedNanos()).hasSize(200);
        assertThat(mostInFlight.get()).isBetween(1, 4);
        // keep-alive: the four clients' connections are reused, not one opened per request
        assertThat(clientPorts).hasSizeBetween(1, 50);
        assertThat(result.latency().name()).isEqualTo("POST /api/v1/reservations");
    }

    @Test
    void countsTheAnswersThatAreNotTheOneExpected() throws Exception {
        ClosedLoop.Result result = ClosedLoop.run(ClosedLoop.http(), 2, 10, i -> request(i % 2 == 0 ? "/refuse" : "/ok"), 202);

        assertThat(result.unexpected()).isEqualTo(5);
    }

    @Test
    void refusesFewerRequestsThanClients() {
        assertThatThrownBy(() -> ClosedLoop.run(ClosedLoop.http(), 8, 4, i -> request("/"), 202))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
    }
}
