package com.medicarewizard.performance.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueueMonitorTest {
    private static final String TOKEN = "test-ops-token-0123456789";
    /**
     * Not the 2 s a load test allows a poll: on a machine other builds keep busy, the first poll
     * (HTTP client and server starting, classes loading) can take longer, and this test counts rows.
     */
    private static final Duration PATIENT = Duration.ofSeconds(30);
    @TempDir
    Path dir;
    private HttpServer server;

    @BeforeEach
    void startPipeline() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/ops/pipeline", exchange -> {
            boolean authorised = ("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "{\"queueDepth\":12,\"inFlight\":3,\"oldestAgeSeconds\":1.5,\"deadLetters\":1,\"lag\":0}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(authorised ? 200 : 401, authorised ? body.length : -1);
            if (authorised) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopPipeline() {
        server.stop(0);
    }

    @Test
    void appendsOneRowAPollAndSkipsARefusedOne() throws IOException {
        Path file = dir.resolve("queue-depth.csv");
        URI pipeline = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/ops/pipeline");
        BufferedWriter out = Files.newBufferedWriter(file);
        QueueMonitor monitor = new QueueMonitor(pipeline, TOKEN, PATIENT, out);
        QueueMonitor refused = new QueueMonitor(pipeline, "wrong-token", PATIENT, out);

        monitor.poll();
        refused.poll();
        monitor.poll();

        assertThat(Files.readAllLines(file)).hasSize(2).allMatch(line -> line.matches("\\d+,12,3,1\\.5,1"));
        monitor.close();
    }

    @Test
    void aSlowPollIsFollowedAtOnceNeverAfterANegativePause() {
        assertThat(QueueMonitor.nextPoll(1_000, 250, 1_100)).isEqualTo(1_250);
        // The poll took longer than the interval: the next one is now, a pause of zero (the monitor
        // once died on Thread.sleep(-1) here, mid load test).
        assertThat(QueueMonitor.nextPoll(1_000, 250, 1_400)).isEqualTo(1_400);
    }
}
