package com.medicarewizard.runtime.pipeline;

import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.runtime.LocalRuntime;
import com.medicarewizard.runtime.RuntimeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * kill -9 in the middle of a burst, or SIGTERM under a trickle, then a restart on the same data:
 * every request that was answered 202 reaches a final state and no resource is booked twice.
 */
class KillRestartIT {
    @TempDir
    Path data;

    @Test
    void everyAcceptedRequestIsDecidedAfterAKillAndARestart() throws Exception {
        RuntimeProcess first = RuntimeProcess.start(data);
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
                burst.submit(() -> book(patient, start, accepted));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> accepted.size() >= 100);
            assertThat(first.process().destroyForcibly().waitFor(60, TimeUnit.SECONDS)).as("killed").isTrue();
            burst.shutdownNow();
        }
        assertThat(accepted).hasSizeGreaterThanOrEqualTo(100);
        restartAndAwaitEveryAcceptedRequestDecided(patients, accepted);
        try (LocalRuntime audit = LocalRuntime.start(RuntimeConfig.forTests(data, "ops-secret-for-tests"))) {
            assertThat(audit.audit().run().breaches()).isEmpty();
        }
    }

    /**
     * SIGTERM: the edge stops first, then the consumers, then the queue and the table, and nothing
     * fails for want of a store already closed. The time is the runtime's own figure, bounded
     * generously here; docs/operations.md gives what it takes on the development machine.
     */
    @Test
    void aSigtermStopsInOrderAndEveryAcceptedRequestIsDecidedAfterARestart() throws Exception {
        RuntimeProcess first = RuntimeProcess.start(data);
        ApiClient anonymous = new ApiClient(first.port());
        awaitUp(anonymous);
        List<ApiClient> patients = List.of(new ApiClient(first.port()).asNewPatient(),
                new ApiClient(first.port()).asNewPatient(), new ApiClient(first.port()).asNewPatient());
        var slots = slotsOfTheWeek(anonymous);
        ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();
        // one booking after the other, up to the SIGTERM and until the edge refuses the connection
        Thread trickle = Thread.ofVirtual().start(() -> {
            int i = 0;
            while (book(patients.get(i % patients.size()), slots.get(i % slots.size()), accepted)) {
                i++;
            }
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> accepted.size() >= 20);
        long signalled = System.nanoTime();
        first.process().destroy();
        assertThat(first.process().waitFor(60, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
        System.out.printf("SIGTERM to exit: %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled));
        trickle.join();

        String log = first.output();
        assertThat(log).as("the log: %s", log).contains("Stopping: the edge first");
        String stop = log.substring(log.indexOf("Stopping: the edge first"));
        assertThat(stop).as("the stop, in order: %s", stop).containsSubsequence("Local API gateway on port",
                "event source mapping of notifier", "event source mapping of allocator", "SQS stand-in on",
                "Stopped in");
        assertThat(stop).as("nothing failed while stopping").doesNotContain(" ERROR ", "could not journal");
        stop.lines().filter(line -> line.contains("topp") || line.contains("WARN")).forEach(System.out::println);
        restartAndAwaitEveryAcceptedRequestDecided(patients, accepted);
    }

    /** Starts the runtime again on the same data and waits until every request answered 202 is decided. */
    private void restartAndAwaitEveryAcceptedRequestDecided(List<ApiClient> patients, Collection<String> accepted)
            throws Exception {
        RuntimeProcess second = RuntimeProcess.start(data);
        try {
            awaitUp(new ApiClient(second.port()));
            List<ApiClient> returning = patients.stream().map(p -> p.onPort(second.port())).toList();
            await().atMost(Duration.ofSeconds(90)).until(() -> accepted.stream().allMatch(id ->
                    statusOf(returning, id) != ReservationStatus.PENDING));
        } finally {
            second.process().destroy();
            second.process().waitFor(60, TimeUnit.SECONDS);
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

    /** Whether the edge answered; an id answered 202 is added to {@code accepted}. */
    private static boolean book(ApiClient patient, String start, ConcurrentLinkedQueue<String> accepted) {
        try {
            ApiClient.Answer a = patient.post("/api/v1/reservations",
                    "{\"examType\":\"ECG\",\"start\":\"" + start + "\",\"site\":\"ROMA-NORD\"}");
            if (a.status() == 202) {
                accepted.add(a.body().get("id").asText());
            }
            return true;
        } catch (RuntimeException connectionLost) {
            // the process was stopped under this request: it was never answered 202
            return false;
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

    private static void awaitUp(ApiClient client) {
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> client.get("/api/v1/exam-types").status() == 200);
    }
}
