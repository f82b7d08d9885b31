package com.medicarewizard.performance.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Set;

/**
 * Polls the operator pipeline figures during a load test and appends one CSV row a poll
 * ({@value QueueRow#HEADER}):
 * {@code --url http://127.0.0.1:PORT --token OPS_TOKEN --out FILE [--interval-ms 250]}. Runs until
 * killed; a failed poll is skipped with one line on stderr; the file is flushed after every row and
 * closed on SIGTERM.
 */
public final class QueueMonitor {
    /** During a load test a poll slower than this is skipped: the next one is an interval away. */
    static final Duration POLL_TIMEOUT = Duration.ofSeconds(2);
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpRequest request;
    private final BufferedWriter out;
    private boolean closed;

    /** A monitor whose polls each give up after {@code timeout} (connecting included). */
    QueueMonitor(URI pipeline, String token, Duration timeout, BufferedWriter out) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.request = HttpRequest.newBuilder(pipeline).timeout(timeout).header("Authorization", "Bearer " + token)
                .GET().build();
        this.out = out;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        CommandLine line = CommandLine.parse(args, Set.of());
        URI pipeline = URI.create(line.required("--url").replaceAll("/+$", "") + "/api/v1/ops/pipeline");
        long interval = Long.parseLong(line.optional("--interval-ms").orElse("250"));
        Path file = Path.of(line.required("--out"));
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        boolean fresh = !Files.exists(file) || Files.size(file) == 0;
        BufferedWriter rows = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        QueueMonitor monitor = new QueueMonitor(pipeline, line.required("--token"), POLL_TIMEOUT, rows);
        if (fresh) {
            monitor.append(QueueRow.HEADER);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(monitor::close, "queue-monitor-close"));
        long next = System.currentTimeMillis();
        while (true) {
            monitor.poll();
            long now = System.currentTimeMillis();
            next = nextPoll(next, interval, now);
            Thread.sleep(next - now);
        }
    }

    /**
     * When the poll after one at {@code previous} is due: an interval later, or at once when that has
     * already passed (a slow poll under load). Never before {@code now}, so the pause is never negative.
     */
    static long nextPoll(long previous, long interval, long now) {
        return Math.max(previous + interval, now);
    }

    /** One poll: a row appended and flushed, or one line on stderr when the poll fails. */
    void poll() {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                System.err.println("queue monitor: pipeline answered " + response.statusCode());
                return;
            }
            JsonNode f = json.readTree(response.body());
            append(new QueueRow(System.currentTimeMillis(), f.path("queueDepth").asLong(), f.path("inFlight").asLong(),
                    f.path("oldestAgeSeconds").asDouble(), f.path("deadLetters").asLong()).toCsv());
        } catch (IOException e) {
            System.err.println("queue monitor: poll failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void append(String row) throws IOException {
        if (!closed) {
            out.write(row);
            out.newLine();
            out.flush();
        }
    }

    synchronized void close() {
        closed = true;
        try {
            out.close();
        } catch (IOException e) {
            System.err.println("queue monitor: could not close the file: " + e);
        }
    }
}
