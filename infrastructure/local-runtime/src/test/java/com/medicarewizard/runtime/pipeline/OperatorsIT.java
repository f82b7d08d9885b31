package com.medicarewizard.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.medicarewizard.adapter.table.TableReservations;
import com.medicarewizard.table.Update;
import com.medicarewizard.table.Condition;
import com.medicarewizard.table.Key;
import com.medicarewizard.table.layout.ItemKeys;
import com.medicarewizard.table.layout.ItemLayout;
import com.medicarewizard.domain.center.ExamTypeCode;
import com.medicarewizard.domain.center.SiteId;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.runtime.LocalRuntime;
import com.medicarewizard.runtime.RuntimeConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/** The operators' side over HTTP: a poison request through the dead-letter queue and back, and a burst watched. */
class OperatorsIT {
    private static final String OPS = "ops-secret-for-tests";
    @TempDir
    static Path data;
    static LocalRuntime runtime;
    static Bookings bookings;
    static ApiClient operator;

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(RuntimeConfig.forTests(data, OPS));
        bookings = new Bookings(runtime);
        operator = new ApiClient(runtime.port()).withToken(OPS);
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void aPoisonRequestIsDeadLetteredWithItsReasonShownAndAfterTheFixRedrivenAndDecided() {
        JsonNode slot = bookings.firstSlot("XRAY-CHEST", "ROMA-EUR", 1, 20);
        Instant start = OffsetDateTime.parse(slot.get("start").asText()).toInstant();
        Reservation request = Reservation.request(ReservationId.random(), PatientId.random(),
                new ExamTypeCode("XRAY-CHEST"), new SiteId("ROMA-EUR"), start, start.plus(Duration.ofMinutes(10)),
                Instant.now(), "poison-test");
        new TableReservations(runtime.table()).create(request, Optional.empty());
        // a damaged item: its start unreadable (and out of the pending index, so only the queue brings it back)
        Key key = new Key(ItemKeys.reservation(request.id()), ItemLayout.RESERVATION);
        runtime.table().update(key, Update.set(ItemLayout.START, "tomorrow at ten")
                .andRemove(ItemLayout.PENDING), Condition.present());
        runtime.sqs().sendMessage(b -> b.queueUrl(runtime.queueUrls().queueUrl())
                .messageBody("{\"type\":\"DECIDE\",\"reservationId\":\"" + request.id() + "\"}")
                .messageAttributes(Map.of("correlationId",
                        MessageAttributeValue.builder().dataType("String").stringValue("poison-test").build())));

        await().atMost(Duration.ofSeconds(90)).until(() -> figures().get("deadLetters").asLong() == 1);
        ApiClient.Answer listed = operator.get("/api/v1/ops/dead-letters");
        assertThat(listed.status()).isEqualTo(200);
        JsonNode letter = listed.body().get(0);
        assertThat(listed.body()).hasSize(1);
        assertThat(letter.get("reservationId").asText()).isEqualTo(request.id().value());
        assertThat(letter.get("reason").asText()).contains("DECIDE failed").contains("DateTimeParseException");
        assertThat(letter.get("receiveCount").asInt()).isGreaterThanOrEqualTo(3);
        assertThatThrownBy(() -> runtime.reservations().find(request.id())).as("unreadable until repaired")
                .isInstanceOf(java.time.format.DateTimeParseException.class);

        runtime.table().update(key, Update.set(ItemLayout.START, ItemKeys.instant(start)), Condition.present());
        ApiClient.Answer redriven = operator.post("/api/v1/ops/dead-letters/redrive", null);
        assertThat(redriven.status()).isEqualTo(202);
        assertThat(redriven.body().get("redriven").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(60)).until(() -> runtime.reservations().find(request.id())
                .map(Reservation::status).filter(s -> s == ReservationStatus.CONFIRMED).isPresent());
        await().atMost(Duration.ofSeconds(60)).until(() -> figures().get("deadLetters").asLong() == 0);
        assertThat(operator.get("/api/v1/ops/dead-letters").body()).isEmpty();
        assertThat(new ApiClient(runtime.port()).post("/api/v1/ops/dead-letters/redrive", null).status())
                .isEqualTo(401);
    }

    @Test
    void theFiguresFollowABurst() throws Exception {
        List<ApiClient> patients = new ArrayList<>();
        // 24 patients, ten requests each: within the limit of bookings ahead, so every request is accepted
        for (int i = 0; i < 24; i++) {
            patients.add(new ApiClient(runtime.port()).asNewPatient());
        }
        JsonNode slots = bookings.availability("BLOOD-TEST", "ROMA-NORD", 30);
        List<JsonNode> watched = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean bursting = new AtomicBoolean(true);
        Thread watcher = Thread.ofVirtual().start(() -> {
            while (bursting.get()) {
                try {
                    watched.add(figures());
                } catch (java.io.UncheckedIOException e) {
                    // a connection the loaded edge dropped: the next reading counts
                }
            }
        });
        List<Callable<Integer>> requests = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            ApiClient patient = patients.get(i % patients.size());
            String start = slots.get(i % slots.size()).get("start").asText();
            requests.add(() -> patient.post("/api/v1/reservations",
                    "{\"examType\":\"BLOOD-TEST\",\"start\":\"" + start + "\",\"site\":\"ROMA-NORD\"}").status());
        }
        assertThat(Bookings.inParallel(requests)).containsOnly(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode f = figures();
            return f.get("queueDepth").asLong() == 0 && f.get("inFlight").asLong() == 0
                    && f.get("oldestAgeSeconds").asDouble() == 0 && f.get("streamLagSeconds").asDouble() == 0;
        });
        bursting.set(false);
        watcher.join();
        assertThat(watched).anySatisfy(f -> assertThat(f.get("queueDepth").asLong() + f.get("inFlight").asLong())
                .isPositive());
        assertThat(watched).anySatisfy(f -> assertThat(f.get("oldestAgeSeconds").asDouble()).isPositive());
        JsonNode after = figures();
        assertThat(after.get("confirmedPerMinute").asDouble() + after.get("rejectedPerMinute").asDouble())
                .isPositive();
        assertThat(after.get("allocatorLagSeconds").asDouble()).isPositive();
        long peak = watched.stream().mapToLong(f -> f.get("queueDepth").asLong() + f.get("inFlight").asLong())
                .max().orElse(0);
        System.out.printf("figure: burst of 240 requests, peak queue depth + in flight %d, %d readings%n", peak,
                watched.size());
    }

    private static JsonNode figures() {
        ApiClient.Answer answer = operator.get("/api/v1/ops/pipeline");
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }
}
