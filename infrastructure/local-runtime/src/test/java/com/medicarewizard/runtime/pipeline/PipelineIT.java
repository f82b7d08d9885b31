package com.medicarewizard.runtime.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.runtime.LocalRuntime;
import com.medicarewizard.runtime.RuntimeConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
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

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(RuntimeConfig.forTests(data, "ops-secret-for-tests"));
        anonymous = new ApiClient(runtime.port());
    }

    @AfterAll
    static void stop() {
        runtime.close();
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
        JsonNode slot = firstSlot("BLOOD-TEST", "ROMA-NORD", 2, 0);
        List<ApiClient> patients = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            patients.add(new ApiClient(runtime.port()).asNewPatient());
        }
        List<String> ids = inParallel(patients.stream().map(p -> (Callable<String>) () -> {
            ApiClient.Answer a = p.post("/api/v1/reservations", booking("BLOOD-TEST", slot));
            assertThat(a.status()).isEqualTo(202);
            assertThat(a.body().get("status").asText()).isEqualTo("PENDING");
            return a.body().get("id").asText();
        }).toList());
        List<Reservation> decided = awaitFinal(ids);
        assertThat(decided).filteredOn(r -> r.status() == ReservationStatus.CONFIRMED).hasSize(2);
        assertThat(decided).filteredOn(r -> r.status() == ReservationStatus.REJECTED).hasSize(48)
                .allMatch(r -> r.reason().map(Enum::name).orElse("").equals("SLOT_TAKEN"));
        assertThat(firstSlotAt("BLOOD-TEST", "ROMA-NORD", slot.get("start").asText(), 0).get("available").asInt()).isZero();
        LedgerAudit.of(runtime).assertConsistent();
    }

    @Test
    void turnoverAndSetUpBuffersKeepTheNextStartsFree() {
        ApiClient patient = new ApiClient(runtime.port()).asNewPatient();
        JsonNode slot = firstSlot("MRI-KNEE", "ROMA-NORD", 1, 7);
        OffsetDateTime start = OffsetDateTime.parse(slot.get("start").asText());
        String first = accepted(patient, "MRI-KNEE", start, "ROMA-NORD");
        String overlapping = accepted(patient, "MRI-KNEE", start.plusMinutes(30), "ROMA-NORD");
        String afterBuffers = accepted(patient, "MRI-KNEE", start.plusMinutes(45), "ROMA-NORD");
        List<Reservation> decided = awaitFinal(List.of(first, overlapping, afterBuffers));
        assertThat(decided).extracting(Reservation::status).containsExactly(ReservationStatus.CONFIRMED,
                ReservationStatus.REJECTED, ReservationStatus.CONFIRMED);
        assertThat(decided.get(1).reason().orElseThrow().name()).isEqualTo("SLOT_TAKEN");
        LedgerAudit.of(runtime).assertConsistent();
    }

    @Test
    void aMixedBurstNeverLeavesAnExamHoldingOneResourceWithoutTheOther() throws Exception {
        JsonNode slot = firstSlot("CT-HEAD-CONTRAST", "ROMA-NORD", 1, 14);
        OffsetDateTime start = OffsetDateTime.parse(slot.get("start").asText());
        List<Callable<String>> requests = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ApiClient p = new ApiClient(runtime.port()).asNewPatient();
            String exam = List.of("CT-HEAD-CONTRAST", "XRAY-CHEST", "MRI-KNEE").get(i % 3);
            OffsetDateTime at = start.plusMinutes(15L * (i % 4));
            requests.add(() -> accepted(p, exam, at, "ROMA-NORD"));
        }
        List<Reservation> decided = awaitFinal(inParallel(requests));
        assertThat(decided).anyMatch(r -> r.status() == ReservationStatus.CONFIRMED);
        assertThat(decided).anyMatch(r -> r.status() == ReservationStatus.REJECTED);
        LedgerAudit.of(runtime).assertConsistent();
    }

    @Test
    void anotherPatientsReservationIsNotFoundExactlyLikeAMissingOne() {
        ApiClient owner = new ApiClient(runtime.port()).asNewPatient();
        ApiClient other = new ApiClient(runtime.port()).asNewPatient();
        JsonNode slot = firstSlot("ECG", "ROMA-EUR", 1, 0);
        String id = accepted(owner, "ECG", OffsetDateTime.parse(slot.get("start").asText()), "ROMA-EUR");
        String missing = "/api/v1/reservations/" + ReservationId.random();
        ApiClient.Answer foreign = other.get("/api/v1/reservations/" + id);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(other.get(missing).status()).isEqualTo(404);
        assertThat(foreign.body().get("code")).isEqualTo(other.get(missing).body().get("code"));
        assertThat(other.delete("/api/v1/reservations/" + id).status()).isEqualTo(404);
        awaitFinal(List.of(id));
        assertThat(owner.get("/api/v1/reservations/" + id).body().get("status").asText()).isEqualTo("CONFIRMED");
    }

    @Test
    void aCancelledReservationFreesItsTimeWithinSeconds() {
        ApiClient patient = new ApiClient(runtime.port()).asNewPatient();
        JsonNode slot = firstSlot("BLOOD-TEST", "ROMA-NORD", 2, 3);
        String start = slot.get("start").asText();
        String id = accepted(patient, "BLOOD-TEST", OffsetDateTime.parse(start), "ROMA-NORD");
        awaitFinal(List.of(id));
        assertThat(firstSlotAt("BLOOD-TEST", "ROMA-NORD", start, 3).get("available").asInt()).isEqualTo(1);
        assertThat(patient.delete("/api/v1/reservations/" + id).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                runtime.reservations().find(new ReservationId(id)).orElseThrow().status() == ReservationStatus.CANCELLED);
        assertThat(firstSlotAt("BLOOD-TEST", "ROMA-NORD", start, 3).get("available").asInt()).isEqualTo(2);
        LedgerAudit.of(runtime).assertConsistent();
    }

    // --- helpers

    static String booking(String exam, JsonNode slot) {
        return "{\"examType\":\"%s\",\"start\":\"%s\",\"site\":\"%s\"}".formatted(exam, slot.get("start").asText(),
                slot.get("site").asText());
    }

    static String accepted(ApiClient patient, String exam, OffsetDateTime start, String site) {
        ApiClient.Answer a = patient.post("/api/v1/reservations",
                "{\"examType\":\"%s\",\"start\":\"%s\",\"site\":\"%s\"}".formatted(exam, start, site));
        assertThat(a.status()).as("%s", a).isEqualTo(202);
        return a.body().get("id").asText();
    }

    /** The earliest start of the exam at the site with at least {@code atLeast} places, in the next weeks. */
    static JsonNode firstSlot(String exam, String site, int atLeast, int dayOffset) {
        for (JsonNode slot : availability(exam, site, dayOffset)) {
            if (slot.get("available").asInt() >= atLeast && !taken.contains(exam + slot.get("start").asText())) {
                taken.add(exam + slot.get("start").asText());
                return slot;
            }
        }
        throw new AssertionError("no free " + exam + " start at " + site);
    }

    private static final java.util.Set<String> taken = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static JsonNode firstSlotAt(String exam, String site, String start, int dayOffset) {
        for (JsonNode slot : availability(exam, site, dayOffset)) {
            if (OffsetDateTime.parse(slot.get("start").asText()).isEqual(OffsetDateTime.parse(start))) {
                return slot;
            }
        }
        throw new AssertionError("no " + exam + " start " + start);
    }

    /** Each test books on its own days ({@code dayOffset}) so the tests do not meet. */
    static JsonNode availability(String exam, String site, int dayOffset) {
        java.time.LocalDate from = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Rome")).plusDays(2 + dayOffset);
        ApiClient.Answer a = anonymous.get("/api/v1/availability?examType=%s&site=%s&from=%s&to=%s"
                .formatted(exam, site, from, from.plusDays(6)));
        assertThat(a.status()).as("%s", a).isEqualTo(200);
        return a.body();
    }

    static List<Reservation> awaitFinal(List<String> ids) {
        await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream()
                .map(id -> runtime.reservations().find(new ReservationId(id)).orElseThrow())
                .allMatch(r -> r.status() != ReservationStatus.PENDING));
        return ids.stream().map(id -> runtime.reservations().find(new ReservationId(id)).orElseThrow()).toList();
    }

    static <T> List<T> inParallel(List<Callable<T>> tasks) throws Exception {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<T>> futures = pool.invokeAll(tasks);
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        }
    }
}
