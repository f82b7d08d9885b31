package com.medicarewizard.performance.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Fires the spike of Done-when 1 (issue 15): {@code --requests} booking requests from
 * {@code --patients} patients (logged in first), request i due at i × window ÷ requests after the
 * start, sent by client i mod {@code --clients}, each client a thread of its own on a kept-alive
 * HTTP/1.1 connection ({@link KeepAliveConnection}); a client behind its schedule sends at once. The requests are for a random
 * free start of three exams over the few days a week from now that everyone wants. The samples go
 * to {@code --out} as a JMeter CSV results file (the columns {@link JtlReader} reads), labelled as
 * the JMeter plan did: {@code setup: log in} and {@code spike: request}.
 *
 * <p>Why not JMeter, as for the journeys: the spike is one burst of two seconds, and a JMeter
 * started for it compiles its HTTP client, its Groovy and its listeners during the burst itself;
 * measured on the 2-core machine, that took about a core of the two away from the server for the
 * whole spike. This generator is a socket per client and a schedule, warmed up on the server's
 * cheapest endpoint before the first request is due, and it prints the CPU it used.
 *
 * <p>Usage: {@code SpikeDriver --url http://127.0.0.1:8080 --users users.csv --patients 200
 * --requests 2000 --clients 64 --window-millis 2000 --out results.jtl [--days 3] [--figures
 * scenario.properties]} (the generator's rate, lateness and CPU added to that file); exits 1 when it
 * could not set the spike up (no free start, a patient who could not log in).
 */
public final class SpikeDriver {
    static final String LOG_IN = "setup: log in";
    /** The generator's figures it adds to the scenario's description ({@code --figures}). */
    static final String RATE = "generatorPerSecond";
    static final String LATE_MILLIS = "generatorLateMillis";
    static final String CPU_MILLIS = "generatorCpuMillis";
    private static final List<String> EXAMS = List.of("ECG", "BLOOD-TEST", "XRAY-CHEST");
    private static final ZoneId CENTER_ZONE = ZoneId.of("Europe/Rome");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int LOG_IN_THREADS = 4;
    /** Requests on the cheapest endpoint per client before the spike, so that neither side meets it cold. */
    private static final int WARM_UP_PER_CLIENT = 50;
    private static final long START_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final PatientLogIn logIn;

    private SpikeDriver(URI base) {
        this.base = base;
        this.logIn = new PatientLogIn(base, LOG_IN);
    }

    /** One slot everyone wants: an exam, a site and a start. */
    record Slot(String exam, String site, String start) {
    }

    /** One answered (or failed) request, as a line of the results file. */
    record Sampled(long startMillis, long elapsedMillis, String label, String responseCode, boolean success,
                   long lateNanos) {
    }

    /** The spike's samples, how long it took from its start to its last answer, and the generator's CPU meanwhile. */
    record Fired(List<Sampled> samples, double seconds, long cpuMillis) {
        double perSecond() {
            return samples.size() / seconds;
        }

        long latestMillis() {
            return TimeUnit.NANOSECONDS.toMillis(samples.stream().mapToLong(Sampled::lateNanos).max().orElse(0));
        }
    }

    public static void main(String[] args) throws Exception {
        CommandLine line = CommandLine.parse(args, Set.of());
        SpikeDriver driver = new SpikeDriver(URI.create(line.required("--url")));
        int patients = positive(line, "--patients");
        int requests = positive(line, "--requests");
        int clients = positive(line, "--clients");
        long windowMillis = positive(line, "--window-millis");
        int days = line.optional("--days").map(Integer::parseInt).orElse(3);
        Path out = Path.of(line.required("--out"));

        List<Slot> slots = driver.freeStarts(days);
        if (slots.isEmpty()) {
            System.err.println("spike: no free start of " + EXAMS + " over " + days + " days a week from now");
            System.exit(1);
        }
        List<Sampled> samples = Collections.synchronizedList(new ArrayList<>());
        List<String> tokens = driver.logIn(Path.of(line.required("--users")), patients, samples);
        if (tokens.size() < patients) {
            write(out, samples);
            System.err.println("spike: only " + tokens.size() + " of " + patients + " patients could log in");
            System.exit(1);
        }
        Fired fired = driver.fire(tokens, slots, requests, clients, TimeUnit.MILLISECONDS.toNanos(windowMillis));
        samples.addAll(fired.samples());
        write(out, samples);
        System.out.println(summary(fired));
        if (line.has("--figures")) {
            addFigures(Path.of(line.required("--figures")), fired);
        }
    }

    private static int positive(CommandLine line, String name) {
        int value = Integer.parseInt(line.required(name));
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
        return value;
    }

    /** The free starts of {@link #EXAMS} over {@code days} days from a week from now. */
    private List<Slot> freeStarts(int days) throws IOException, InterruptedException {
        LocalDate from = LocalDate.now(CENTER_ZONE).plusDays(7);
        List<Slot> slots = new ArrayList<>();
        for (String exam : EXAMS) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve(
                    "/api/v1/availability?examType=" + exam + "&from=" + from + "&to=" + from.plusDays(days - 1L)))
                    .header("Accept", "application/json").timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IOException("availability of " + exam + ": " + answer.statusCode() + " " + answer.body());
            }
            for (JsonNode start : json.readTree(answer.body())) {
                if (start.path("available").asInt() > 0) {
                    slots.add(new Slot(exam, start.path("site").asText(), start.path("start").asText()));
                }
            }
        }
        return slots;
    }

    /** Logs the first {@code patients} of the CSV in, on a few threads, waiting out 503 and 429 as the pages do. */
    private List<String> logIn(Path users, int patients, List<Sampled> samples) throws IOException {
        List<String> credentials = Files.readAllLines(users, StandardCharsets.UTF_8).stream().skip(1)
                .filter(l -> !l.isBlank()).limit(patients).toList();
        String[] tokens = new String[credentials.size()];
        try (ExecutorService pool = Executors.newFixedThreadPool(LOG_IN_THREADS)) {
            for (int i = 0; i < credentials.size(); i++) {
                int patient = i;
                pool.submit(() -> {
                    String[] fields = credentials.get(patient).split(",");
                    tokens[patient] = logIn.logIn(fields[0], fields[1], t -> samples.add(new Sampled(t.startMillis(),
                            t.elapsedMillis(), t.label(), t.responseCode(), t.success(), 0)))
                            .map(PatientLogIn.Tokens::accessToken).orElse(null);
                    return null;
                });
            }
        }
        return java.util.Arrays.stream(tokens).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * The spike itself: every client on its own thread and kept-alive connection, warmed up first on
     * the server's cheapest answer (so that neither side meets the spike cold), then each request at
     * its due time, or at once when late.
     */
    private Fired fire(List<String> tokens, List<Slot> slots, int requests, int clients, long windowNanos)
            throws InterruptedException {
        List<Sampled> fired = Collections.synchronizedList(new ArrayList<>(requests));
        var ready = new java.util.concurrent.CountDownLatch(clients);
        var go = new java.util.concurrent.CompletableFuture<Long>();
        long cpuAtStart;
        List<java.util.concurrent.Future<?>> clientsDone = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                int client = c;
                clientsDone.add(pool.submit(() -> client(client, clients, requests, windowNanos, tokens, slots,
                        ready, go, fired)));
            }
            ready.await();
            cpuAtStart = processCpuNanos();
            go.complete(System.nanoTime() + START_DELAY_NANOS);
        }
        long end = System.nanoTime();
        for (var client : clientsDone) {
            try {
                client.get();
            } catch (java.util.concurrent.ExecutionException e) {
                // its requests left unsent are missing from the results: SpikeCheck --requests counts them
                System.err.println("spike: a client stopped before its last request: " + e.getCause());
            }
        }
        return new Fired(List.copyOf(fired), (end - go.join()) / 1e9,
                TimeUnit.NANOSECONDS.toMillis(processCpuNanos() - cpuAtStart));
    }

    /**
     * One client: its connection warmed up, then, from the start {@code go} gives, requests
     * {@code client}, {@code client + clients}, … each at its due time.
     */
    private Void client(int client, int clients, int requests, long windowNanos, List<String> tokens, List<Slot> slots,
                        java.util.concurrent.CountDownLatch ready, java.util.concurrent.CompletableFuture<Long> go,
                        List<Sampled> fired) throws Exception {
        try (var connection = new KeepAliveConnection(base.getHost(), base.getPort(), (int) TIMEOUT.toMillis())) {
            try {
                for (int i = 0; i < WARM_UP_PER_CLIENT; i++) {
                    connection.send("GET", "/robots.txt", java.util.Map.of(), new byte[0]);
                }
            } catch (IOException | RuntimeException e) {
                // a client that could not warm up still fires its share: each request opens the
                // connection again, and fails on its own if it cannot
                System.err.println("spike: client " + client + " did not warm up: " + e);
            } finally {
                ready.countDown();
            }
            long start = go.get();
            for (int i = client; i < requests; i += clients) {
                long due = start + dueOffsetNanos(i, requests, windowNanos);
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                fired.add(request(connection, tokens.get(i % tokens.size()),
                        slots.get(ThreadLocalRandom.current().nextInt(slots.size())), -wait));
            }
        }
        return null;
    }

    /** When request {@code i} of {@code requests} is due, from the start of a window of {@code windowNanos}. */
    static long dueOffsetNanos(int i, int requests, long windowNanos) {
        if (i < 0 || i >= requests) {
            throw new IllegalArgumentException("request " + i + " of " + requests);
        }
        return Math.multiplyExact((long) i, windowNanos) / requests;
    }

    private Sampled request(KeepAliveConnection connection, String token, Slot slot, long lateNanos) {
        byte[] body = json.createObjectNode().put("examType", slot.exam()).put("start", slot.start())
                .put("site", slot.site()).toString().getBytes(StandardCharsets.UTF_8);
        java.util.Map<String, String> headers = java.util.Map.of("Content-Type", "application/json",
                "Accept", "application/json", "Authorization", "Bearer " + token,
                "Idempotency-Key", UUID.randomUUID().toString());
        long startMillis = System.currentTimeMillis();
        long t0 = System.nanoTime();
        String code;
        try {
            code = String.valueOf(connection.send("POST", "/api/v1/reservations", headers, body));
        } catch (IOException | RuntimeException e) {
            // every request due is recorded, answered or not (a malformed answer included)
            code = "Non HTTP response code: " + e.getClass().getName();
        }
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        return new Sampled(startMillis, elapsed, Labels.SPIKE_REQUEST, code, SpikeAnswers.answered(code), lateNanos);
    }

    /** The samples as a JMeter CSV results file, in the order they began. */
    static void write(Path out, List<Sampled> samples) throws IOException {
        List<Sampled> sorted = new ArrayList<>(samples);
        sorted.sort(java.util.Comparator.comparingLong(Sampled::startMillis));
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            writer.println("timeStamp,elapsed,label,responseCode,success");
            for (Sampled s : sorted) {
                writer.println(s.startMillis() + "," + s.elapsedMillis() + "," + s.label() + ","
                        + s.responseCode().replace(',', ' ') + "," + s.success());
            }
        }
    }

    /** Adds the generator's own figures to a properties file (the scenario's description, which the report reads). */
    static void addFigures(Path file, Fired fired) throws IOException {
        var figures = new java.util.Properties();
        if (Files.exists(file)) {
            try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                figures.load(in);
            }
        }
        figures.setProperty(RATE, String.format(java.util.Locale.ROOT, "%.0f", fired.perSecond()));
        figures.setProperty(LATE_MILLIS, String.valueOf(fired.latestMillis()));
        figures.setProperty(CPU_MILLIS, String.valueOf(fired.cpuMillis()));
        try (var writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            figures.store(writer, null);
        }
    }

    /** The generator's own figures: the rate it kept, how late it sent, and the CPU it took from the machine. */
    static String summary(Fired spike) {
        Latency answers = Latency.of(spike.samples().stream().mapToLong(Sampled::elapsedMillis).toArray());
        long failed = spike.samples().stream().filter(s -> !s.success()).count();
        return String.format(java.util.Locale.ROOT,
                "spike: %d requests in %.1f s = %.0f/s; answer p50 %d ms, p99 %d ms; %d not answered 202 or 4xx;"
                        + " sent at most %d ms late; the generator used %d ms of CPU",
                spike.samples().size(), spike.seconds(), spike.perSecond(), answers.p50(), answers.p99(), failed,
                spike.latestMillis(), spike.cpuMillis());
    }

    private static long processCpuNanos() {
        return ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime();
    }
}
