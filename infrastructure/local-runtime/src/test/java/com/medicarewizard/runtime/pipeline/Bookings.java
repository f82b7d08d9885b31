package com.medicarewizard.runtime.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.runtime.LocalRuntime;

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

/** Booking steps of the pipeline tests, over HTTP against one running runtime. */
record Bookings(LocalRuntime runtime, java.util.Set<String> taken) {

    Bookings(LocalRuntime runtime) {
        this(runtime, java.util.concurrent.ConcurrentHashMap.newKeySet());
    }


    String booking(String exam, JsonNode slot) {
        return "{\"examType\":\"%s\",\"start\":\"%s\",\"site\":\"%s\"}".formatted(exam, slot.get("start").asText(),
                slot.get("site").asText());
    }

    String accepted(ApiClient patient, String exam, OffsetDateTime start, String site) {
        ApiClient.Answer a = patient.post("/api/v1/reservations",
                "{\"examType\":\"%s\",\"start\":\"%s\",\"site\":\"%s\"}".formatted(exam, start, site));
        assertThat(a.status()).as("%s", a).isEqualTo(202);
        return a.body().get("id").asText();
    }

    /** The earliest start of the exam at the site with at least {@code atLeast} places, in the next weeks. */
    JsonNode firstSlot(String exam, String site, int atLeast, int dayOffset) {
        for (JsonNode slot : availability(exam, site, dayOffset)) {
            if (slot.get("available").asInt() >= atLeast && !taken.contains(exam + slot.get("start").asText())) {
                taken.add(exam + slot.get("start").asText());
                return slot;
            }
        }
        throw new AssertionError("no free " + exam + " start at " + site);
    }

    JsonNode firstSlotAt(String exam, String site, String start, int dayOffset) {
        for (JsonNode slot : availability(exam, site, dayOffset)) {
            if (OffsetDateTime.parse(slot.get("start").asText()).isEqual(OffsetDateTime.parse(start))) {
                return slot;
            }
        }
        throw new AssertionError("no " + exam + " start " + start);
    }

    /** Each test books on its own days ({@code dayOffset}) so the tests do not meet. */
    JsonNode availability(String exam, String site, int dayOffset) {
        java.time.LocalDate from = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Rome")).plusDays(2 + dayOffset);
        ApiClient.Answer a = new ApiClient(runtime.port()).get("/api/v1/availability?examType=%s&site=%s&from=%s&to=%s"
                .formatted(exam, site, from, from.plusDays(6)));
        assertThat(a.status()).as("%s", a).isEqualTo(200);
        return a.body();
    }

    List<Reservation> awaitFinal(List<String> ids) {
        await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream()
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
