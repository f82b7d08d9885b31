package com.medicarewizard.runtime.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.functions.FunctionSpecs;
import com.medicarewizard.runtime.LocalRuntime;
import com.medicarewizard.runtime.RuntimeConfig;
import com.medicarewizard.runtime.os.KernelThreads;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The whole pipeline on the embedded runtime: HTTP in, decisions out. */
class PipelineIT {
    @TempDir
    static Path data;
    static LocalRuntime runtime;
    static ApiClient anonymous;
    static Bookings bookings;

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(RuntimeConfig.forTests(data, "ops-secret-for-tests"));
        anonymous = new ApiClient(runtime.port());
        bookings = new Bookings(runtime);
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void theAllocatorsMappingRunsAsManyPollersAsItsSpecSaysLocally() {
        assertThat(runtime.allocatorMapping().pollers())
                .isEqualTo(FunctionSpecs.ALLOCATOR.queue().maximumConcurrency().local());
    }

    /**
     * ADR 0011: the runtime hashes passwords on one SCHED_IDLE thread per core, and after patients
     * registered and logged in (each a hash, each caller woken) no other thread of the process is idle.
     */
    @Test
    @EnabledOnOs(OS.LINUX)
    void hashesPasswordsOnSpareCpuAndNothingElse() throws Exception {
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<ApiClient>> patients = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                patients.add(callers.submit(() -> new ApiClient(runtime.port()).asNewPatient()));
            }
            for (Future<ApiClient> patient : patients) {
                patient.get();
            }
        }
        List<KernelThreads.Task> tasks = KernelThreads.all();
        assertThat(tasks).filteredOn(t -> t.name().matches("password-hash-\\d+"))
                .hasSize(Runtime.getRuntime().availableProcessors())
                .allSatisfy(t -> assertThat(t.idle()).as(t.name()).isTrue());
        assertThat(tasks).filteredOn(KernelThreads.Task::idle).as("threads under SCHED_IDLE")
                .allSatisfy(t -> assertThat(t.name()).matches("password-hash-\\d+"));
    }

    @Test
    void servesTheDemoCenter() {
        ApiClient.Answer types = anonymous.get("/api/v1/exam-types");
        assertThat(types.status()).isEqualTo(200);
        assertThat(types.body().findValuesAsText("code")).contains("MRI-KNEE", "CT-HEAD-CONTRAST", "XRAY-CHEST",
                "US-ABDOMEN", "ECG", "BLOOD-TEST", "MAMMOGRAPHY", "DEXA");
    }

    @Test
    void fiftyConcurrentRequestsForOneStartConfirmExactlyWhatIsAvailable() throws Exception {
        JsonNode slot = bookings.firstSlot("BLOOD-TEST", "ROMA-NORD", 2, 0);
        List<ApiClient> patients = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            patients.add(new ApiClient(runtime.port()).asNewPatient());
        }
        List<String> ids = Bookings.inParallel(patients.stream().map(p -> (Callable<String>) () -> {
            ApiClient.Answer a = p.post("/api/v1/reservations", bookings.booking("BLOOD-TEST", slot));
            assertThat(a.status()).isEqualTo(202);
            assertThat(a.body().get("status").asText()).isEqualTo("PENDING");
            return a.body().get("id").asText();
        }).toList());
        List<Reservation> decided = bookings.awaitFinal(ids);
        assertThat(decided).filteredOn(r -> r.status() == ReservationStatus.CONFIRMED).hasSize(2);
        assertThat(decided).filteredOn(r -> r.status() == ReservationStatus.REJECTED).hasSize(48)
                .allMatch(r -> r.reason().map(Enum::name).orElse("").equals("SLOT_TAKEN"));
        assertThat(bookings.firstSlotAt("BLOOD-TEST", "ROMA-NORD", slot.get("start").asText(), 0).get("available").asInt()).isZero();
        assertThat(runtime.audit().run().breaches()).isEmpty();
    }

    @Test
    void turnoverAndSetUpBuffersKeepTheNextStartsFree() {
        ApiClient patient = new ApiClient(runtime.port()).asNewPatient();
        JsonNode slot = bookings.firstSlot("MRI-KNEE", "ROMA-NORD", 1, 7);
        OffsetDateTime start = OffsetDateTime.parse(slot.get("start").asText());
        String first = bookings.accepted(patient, "MRI-KNEE", start, "ROMA-NORD");
        String overlapping = bookings.accepted(patient, "MRI-KNEE", start.plusMinutes(30), "ROMA-NORD");
        String afterBuffers = bookings.accepted(patient, "MRI-KNEE", start.plusMinutes(45), "ROMA-NORD");
        List<Reservation> decided = bookings.awaitFinal(List.of(first, overlapping, afterBuffers));
        assertThat(decided).extracting(Reservation::status).containsExactly(ReservationStatus.CONFIRMED,
                ReservationStatus.REJECTED, ReservationStatus.CONFIRMED);
        assertThat(decided.get(1).reason().orElseThrow().name()).isEqualTo("SLOT_TAKEN");
        assertThat(runtime.audit().run().breaches()).isEmpty();
    }

    @Test
    void aMixedBurstNeverLeavesAnExamHoldingOneResourceWithoutTheOther() throws Exception {
        JsonNode slot = bookings.firstSlot("CT-HEAD-CONTRAST", "ROMA-NORD", 1, 14);
        OffsetDateTime start = OffsetDateTime.parse(slot.get("start").asText());
        List<Callable<String>> requests = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ApiClient p = new ApiClient(runtime.port()).asNewPatient();
            String exam = List.of("CT-HEAD-CONTRAST", "XRAY-CHEST", "MRI-KNEE").get(i % 3);
            OffsetDateTime at = start.plusMinutes(15L * (i % 4));
            requests.add(() -> bookings.accepted(p, exam, at, "ROMA-NORD"));
        }
        List<Reservation> decided = bookings.awaitFinal(Bookings.inParallel(requests));
        assertThat(decided).anyMatch(r -> r.status() == ReservationStatus.CONFIRMED);
        assertThat(decided).anyMatch(r -> r.status() == ReservationStatus.REJECTED);
        assertThat(runtime.audit().run().breaches()).isEmpty();
    }

    /**
     * The page's way to learn a decision: one read that waits for it (Prefer: wait), woken by the
     * table's change stream, instead of a poll loop. Generous bound: well before the wait would end.
     */
    @Test
    void aReadThatPrefersToWaitAnswersTheDecisionAsSoonAsItIsMade() {
        ApiClient patient = new ApiClient(runtime.port()).asNewPatient();
        JsonNode slot = bookings.firstSlot("ECG", "ROMA-EUR", 1, 5);
        String id = bookings.accepted(patient, "ECG", OffsetDateTime.parse(slot.get("start").asText()), "ROMA-EUR");

        long started = System.nanoTime();
        ApiClient.Answer answer = patient.send("GET", "/api/v1/reservations/" + id, null, Map.of("Prefer", "wait=20"));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(answer.header("Preference-Applied")).isEqualTo("wait=20");
    }

    @Test
    void anotherPatientsReservationIsNotFoundExactlyLikeAMissingOne() {
        ApiClient owner = new ApiClient(runtime.port()).asNewPatient();
        ApiClient other = new ApiClient(runtime.port()).asNewPatient();
        JsonNode slot = bookings.firstSlot("ECG", "ROMA-EUR", 1, 0);
        String id = bookings.accepted(owner, "ECG", OffsetDateTime.parse(slot.get("start").asText()), "ROMA-EUR");
        String missing = "/api/v1/reservations/" + ReservationId.random();
        ApiClient.Answer foreign = other.get("/api/v1/reservations/" + id);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(other.get(missing).status()).isEqualTo(404);
        assertThat(foreign.body().get("code")).isEqualTo(other.get(missing).body().get("code"));
        assertThat(other.delete("/api/v1/reservations/" + id).status()).isEqualTo(404);
        bookings.awaitFinal(List.of(id));
        assertThat(owner.get("/api/v1/reservations/" + id).body().get("status").asText()).isEqualTo("CONFIRMED");
    }

    @Test
    void aCancelledReservationFreesItsTime() {
        ApiClient patient = new ApiClient(runtime.port()).asNewPatient();
        JsonNode slot = bookings.firstSlot("BLOOD-TEST", "ROMA-NORD", 2, 3);
        String start = slot.get("start").asText();
        String id = bookings.accepted(patient, "BLOOD-TEST", OffsetDateTime.parse(start), "ROMA-NORD");
        bookings.awaitFinal(List.of(id));
        // availability answers may be up to a second old (MCW_AVAILABILITY_CACHE_MILLIS): waited for, not timed
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(bookings.firstSlotAt("BLOOD-TEST", "ROMA-NORD", start, 3).get("available").asInt()).isEqualTo(1));
        assertThat(patient.delete("/api/v1/reservations/" + id).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                runtime.reservations().find(new ReservationId(id)).orElseThrow().status() == ReservationStatus.CANCELLED);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(bookings.firstSlotAt("BLOOD-TEST", "ROMA-NORD", start, 3).get("available").asInt()).isEqualTo(2));
        assertThat(runtime.audit().run().breaches()).isEmpty();
    }
}
