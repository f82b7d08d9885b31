package com.medicarewizard.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.medicarewizard.adapter.table.TableReminderSchedule;
import com.medicarewizard.domain.reminder.Reminder;
import com.medicarewizard.domain.reminder.ReminderKind;
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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The embedded runtime keeps each booking's reminders as its notifier sees it: scheduled in the table
 * when confirmed (48 and 2 elapsed hours before), deleted when cancelled; kept over a restart; and the
 * patient's 2-hour wish is kept by {@code PATCH /api/v1/me}. When they fire is {@code ReminderTimerTest}'s
 * business, on fixed clocks.
 */
class RemindersIT {
    @TempDir
    static Path data;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static LocalRuntime runtime;
    private static Bookings bookings;

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(RuntimeConfig.forTests(data, "ops-secret-for-tests"));
        bookings = new Bookings(runtime);
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void aBookingsRemindersAreScheduledWhenConfirmedKeptOverARestartAndDeletedWhenCancelled() throws Exception {
        ApiClient patient = new ApiClient(runtime.port()).asNewPatient();
        JsonNode slot = bookings.firstSlot("XRAY-CHEST", "ROMA-NORD", 1, 3);
        String id = bookings.accepted(patient, "XRAY-CHEST", OffsetDateTime.parse(slot.get("start").asText()),
                "ROMA-NORD");
        Reservation confirmed = bookings.awaitFinal(List.of(id)).getFirst();
        assertThat(confirmed.status()).isEqualTo(ReservationStatus.CONFIRMED);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(scheduledFor(id)).extracting(Reminder::dueAt)
                .containsExactly(confirmed.start().minus(Duration.ofHours(48)),
                        confirmed.start().minus(Duration.ofHours(2))));

        runtime.close();
        runtime = LocalRuntime.start(RuntimeConfig.forTests(data, "ops-secret-for-tests"));
        assertThat(scheduledFor(id)).extracting(Reminder::kind)
                .containsExactly(ReminderKind.BEFORE_48_HOURS, ReminderKind.BEFORE_2_HOURS);

        ApiClient again = patient.onPort(runtime.port());
        assertThat(again.delete("/api/v1/reservations/" + id).status()).isEqualTo(202);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(scheduledFor(id)).isEmpty());
    }

    @Test
    void thePatientsTwoHourWishIsKept() {
        ApiClient patient = new ApiClient(runtime.port()).asNewPatient();
        assertThat(patient.get("/api/v1/me").body().get("remindTwoHoursBefore").asBoolean()).isFalse();
        ApiClient.Answer changed = patient.send("PATCH", "/api/v1/me", "{\"remindTwoHoursBefore\":true}", Map.of());
        assertThat(changed.status()).as("%s", changed).isEqualTo(200);
        assertThat(patient.get("/api/v1/me").body().get("remindTwoHoursBefore").asBoolean()).isTrue();
        assertThat(patient.send("PATCH", "/api/v1/me", "{\"remindTwoHoursBefore\":\"no\"}", Map.of()).status())
                .isEqualTo(400);
    }

    private static List<Reminder> scheduledFor(String id) {
        return new TableReminderSchedule(runtime.table()).due(Instant.now().plus(Duration.ofDays(400)), 1000).stream()
                .filter(r -> r.reservation().value().equals(id)).toList();
    }
}
