package com.medicarewizard.runtime.pipeline;

import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.functions.FunctionSpecs;
import com.medicarewizard.runtime.LocalRuntime;
import com.medicarewizard.runtime.RuntimeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * kill -9 in the middle of a burst, then a restart on the same data: every request that was
 * answered 202 reaches a final state and no resource is booked twice.
 *
 * <p>Each run binds port 0 and the test reads the port from the runtime's log: a port chosen by
 * the test and bound later by the runtime could be taken in between by another process.
 */
class KillRestartIT {
    private static final Pattern UP = Pattern.compile("MediCareWizard is up on http://localhost:(\\d+) ");
    @TempDir
    Path data;

    private record Running(Process process, int port) {
    }

    @Test
    void everyAcceptedRequestIsDecidedAfterAKillAndARestart() throws Exception {
        Running first = startRuntime();
        ApiClient anonymous = new ApiClient(first.port());
        awaitUp(anonymous);
        List<ApiClient> patients = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            patients.add(new ApiClient(first.port()).asNewPatient());
        }
        var slots = slotsOfTheWeek(anonymous);
        ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();
        try (ExecutorService burst = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 400; i++) {
                ApiClient patient = patients.get(i % patients.size());
                String start = slots.get(i % slots.size());
                burst.submit(() -> bookQuietly(patient, start, accepted));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> accepted.size() >= 100);
            assertThat(first.process().destroyForcibly().waitFor(60, TimeUnit.SECONDS)).as("killed").isTrue();
            burst.shutdownNow();
        }
        Running second = startRuntime();
        try {
            awaitUp(new ApiClient(second.port()));
            assertThat(accepted).hasSizeGreaterThanOrEqualTo(100);
            List<ApiClient> returning = patients.stream().map(p -> p.onPort(second.port())).toList();
            await().atMost(Duration.ofSeconds(90)).until(() -> accepted.stream().allMatch(id ->
                    statusOf(returning, id) != ReservationStatus.PENDING));
        } finally {
            second.process().destroy();
            second.process().waitFor(60, TimeUnit.SECONDS);
        }
        try (LocalRuntime audit = LocalRuntime.start(RuntimeConfig.forTests(data, "ops-secret-for-tests"))) {
            assertThat(audit.audit().run().breaches()).isEmpty();
        }
    }

    private static ReservationStatus statusOf(List<ApiClient> patients, String id) {
        for (ApiClient p : patients) {
            ApiClient.Answer a = p.get("/api/v1/reservations/" + id);
            if (a.status() == 200) {
                return ReservationStatus.valueOf(a.body().get("status").asText());
            }
        }
        throw new AssertionError("reservation " + id + " was answered 202 but is lost");
    }

    private static void bookQuietly(ApiClient patient, String start, ConcurrentLinkedQueue<String> accepted) {
        try {
            ApiClient.Answer a = patient.post("/api/v1/reservations",
                    "{\"examType\":\"ECG\",\"start\":\"" + start + "\",\"site\":\"ROMA-NORD\"}");
            if (a.status() == 202) {
                accepted.add(a.body().get("id").asText());
            }
        } catch (RuntimeException connectionLost) {
            // the process was killed under this request: it was never answered 202
        }
    }

    private static List<String> slotsOfTheWeek(ApiClient anonymous) {
        var from = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Rome")).plusDays(30);
        ApiClient.Answer a = anonymous.get("/api/v1/availability?examType=ECG&site=ROMA-NORD&from=%s&to=%s"
                .formatted(from, from.plusDays(2)));
        List<String> starts = new ArrayList<>();
        a.body().forEach(s -> starts.add(OffsetDateTime.parse(s.get("start").asText()).toString()));
        assertThat(starts).hasSizeGreaterThan(10);
        return starts.subList(0, 10);
    }

    private Running startRuntime() throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        // the runtime's own logging (INFO), not the tests' (WARN): the line saying the port is INFO
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dlog4j2.configurationFile=log4j2.xml", "com.medicarewizard.runtime.Main");
        pb.environment().put("MCW_PORT", "0");
        pb.environment().put("MCW_DATA_DIR", data.toString());
        // the shortest patience the runtime accepts: a second longer than the queue hides a message
        pb.environment().put("MCW_SWEEP_AFTER_SECONDS",
                Long.toString(FunctionSpecs.ALLOCATOR.queue().visibilityTimeout().local().toSeconds() + 1));
        Path log = data.resolve("runtime-" + System.nanoTime() + ".log");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process process = pb.start();
        return new Running(process, await().atMost(Duration.ofSeconds(60))
                .until(() -> announcedPort(process, log), Optional::isPresent).orElseThrow());
    }

    /** The port from the line the runtime logs once it is up; fails at once if it died instead. */
    private static Optional<Integer> announcedPort(Process process, Path log) throws IOException {
        // decoded leniently: the runtime may be in the middle of writing a multi-byte character
        Matcher up = UP.matcher(new String(Files.readAllBytes(log), StandardCharsets.UTF_8));
        if (up.find()) {
            return Optional.of(Integer.parseInt(up.group(1)));
        }
        if (!process.isAlive()) {
            throw new IllegalStateException("the runtime exited with " + process.exitValue() + "; see " + log);
        }
        return Optional.empty();
    }

    private static void awaitUp(ApiClient client) {
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> client.get("/api/v1/exam-types").status() == 200);
    }
}
