package com.medicarewizard.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.medicarewizard.domain.notification.Channel;
import com.medicarewizard.domain.notification.NotificationKey;
import com.medicarewizard.domain.reservation.Reservation;
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

/**
 * Nobody runs up the center's bill, on the embedded runtime with its default limits: a burst of
 * requests from one patient confirms at most ten bookings ahead, and a time asked for again and
 * again costs no SMS and at most ten e-mails an hour to that address.
 */
class AbuseLimitsIT {
    private static final String OPS = "ops-secret-for-tests";
    private static final int LIMIT = 10;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    @TempDir
    static Path data;
    static LocalRuntime runtime;
    static Bookings bookings;

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(RuntimeConfig.forTests(data, OPS));
        bookings = new Bookings(runtime);
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void aBurstFromOnePatientConfirmsNoMoreThanTheLimitAndTheNextRequestIs422() throws Exception {
        ApiClient patient = new ApiClient(runtime.port()).asNewPatient();
        List<String> starts = hourApart(bookings.availability("XRAY-CHEST", "ROMA-NORD", 50), 15);

        List<ApiClient.Answer> answers = Bookings.inParallel(starts.stream().map(start -> (Callable<ApiClient.Answer>)
                () -> patient.post("/api/v1/reservations", request(start))).toList());

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as("%s", a).isIn(202, 422));
        assertThat(answers).filteredOn(a -> a.status() == 422)
                .allSatisfy(a -> assertThat(a.body().get("code").asText()).isEqualTo("too-many-bookings"));
        List<String> accepted = answers.stream().filter(a -> a.status() == 202).map(a -> a.body().get("id").asText())
                .toList();
        List<Reservation> decided = bookings.awaitFinal(accepted);
        assertThat(decided).filteredOn(r -> r.status() == ReservationStatus.CONFIRMED).hasSize(LIMIT);
        assertThat(decided).filteredOn(r -> r.status() == ReservationStatus.REJECTED)
                .allSatisfy(r -> assertThat(r.reason().map(Enum::name)).contains("TOO_MANY_BOOKINGS"));

        String another = bookings.availability("XRAY-CHEST", "ROMA-NORD", 60).get(0).get("start").asText();
        ApiClient.Answer beyond = patient.post("/api/v1/reservations", request(another));
        assertThat(beyond.status()).isEqualTo(422);
        assertThat(beyond.header("Content-Type")).contains("application/problem+json");
        assertThat(beyond.body().get("code").asText()).isEqualTo("too-many-bookings");
        assertThat(patient.get("/api/v1/reservations").body()).as("nothing stored for the refused ones")
                .hasSize(accepted.size());
        assertThat(runtime.audit().run().breaches()).isEmpty();
    }

    @Test
    void aTakenTimeAskedForAgainAndAgainTextsNobodyAndMailsNoMoreThanTheLimit() {
        JsonNode slot = bookings.firstSlot("MRI-KNEE", "ROMA-NORD", 1, 70);
        OffsetDateTime start = OffsetDateTime.parse(slot.get("start").asText());
        ApiClient owner = new ApiClient(runtime.port()).asNewPatient();
        for (int place = 0; place < slot.get("available").asInt(); place++) {
            assertThat(bookings.awaitFinal(List.of(bookings.accepted(owner, "MRI-KNEE", start, "ROMA-NORD")))
                    .getFirst().status()).isEqualTo(ReservationStatus.CONFIRMED);
        }
        String email = "pumper." + System.nanoTime() + "@example.org";
        String phone = "+39347" + String.format("%07d", Math.floorMod(email.hashCode(), 10_000_000));
        ApiClient pumper = new ApiClient(runtime.port()).asNewPatient(email, "en", phone);

        List<Reservation> rejected = new ArrayList<>();
        for (int i = 0; i < LIMIT + 2; i++) {
            rejected.addAll(bookings.awaitFinal(List.of(bookings.accepted(pumper, "MRI-KNEE", start, "ROMA-NORD"))));
        }

        assertThat(rejected).allSatisfy(r -> assertThat(r.reason().map(Enum::name)).contains("SLOT_TAKEN"));
        await().atMost(PATIENCE).until(() -> rejected.stream().allMatch(r -> runtime.notificationLedger()
                .state(new NotificationKey(r.id(), ReservationStatus.REJECTED, Channel.EMAIL)).isPresent()));
        assertThat(outbox("SMS", phone)).as("no SMS for a rejection").isEmpty();
        assertThat(outbox("EMAIL", email)).hasSize(LIMIT);
        List<NotificationKey> overTheLimit = rejected.subList(LIMIT, LIMIT + 2).stream()
                .map(r -> new NotificationKey(r.id(), ReservationStatus.REJECTED, Channel.EMAIL)).toList();
        assertThat(overTheLimit).allSatisfy(key -> assertThat(runtime.notificationLedger().parked(key))
                .hasValueSatisfying(p -> {
                    assertThat(p.retryable()).isFalse();
                    assertThat(p.reason()).startsWith("message limit");
                    assertThat(p.maskedRecipient()).isEqualTo("p***@example.org");
                }));
    }

    private static String request(String start) {
        return "{\"examType\":\"XRAY-CHEST\",\"start\":\"" + start + "\",\"site\":\"ROMA-NORD\"}";
    }

    /** The first {@code count} starts at least an hour apart, so that none takes another's room. */
    private static List<String> hourApart(JsonNode slots, int count) {
        List<String> starts = new ArrayList<>();
        OffsetDateTime last = null;
        for (JsonNode slot : slots) {
            OffsetDateTime start = OffsetDateTime.parse(slot.get("start").asText());
            if (starts.size() < count && (last == null || !start.isBefore(last.plusHours(1)))) {
                starts.add(slot.get("start").asText());
                last = start;
            }
        }
        assertThat(starts).hasSize(count);
        return starts;
    }

    private static List<JsonNode> outbox(String channel, String to) {
        return runtime.outbox().entries().stream()
                .filter(e -> e.path("channel").asText().equals(channel) && e.path("to").asText().equals(to)).toList();
    }
}
