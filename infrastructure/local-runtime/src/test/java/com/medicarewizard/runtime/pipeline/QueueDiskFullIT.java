package com.medicarewizard.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.runtime.LocalRuntime;
import com.medicarewizard.runtime.RuntimeConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queue's store on a disk that fills up: bookings keep being answered 202 (their PENDING record
 * is in the table), the runtime notices that the store no longer takes writes and asks to be
 * restarted (Main exits non-zero), and the restart on the same data decides every booking answered
 * 202. A queue deleted by someone is created again without a restart.
 */
class QueueDiskFullIT {
    private static final String OPS = "ops-secret-for-tests";

    @TempDir
    Path data;

    @Test
    void everyBookingAcceptedWhileTheQueueDiskWasFullIsDecidedAfterTheRestartTheRuntimeAsksFor() throws Exception {
        RuntimeConfig config = RuntimeConfig.forTests(data, OPS);
        List<String> accepted = new ArrayList<>();
        try (TinyDisk disk = TinyDisk.mount(data.resolve("queue"), "8m")) {
            AtomicBoolean broken = new AtomicBoolean();
            try (LocalRuntime runtime = LocalRuntime.start(config, () -> broken.set(true))) {
                Bookings bookings = new Bookings(runtime);
                ApiClient patient = new ApiClient(runtime.port()).asNewPatient();
                disk.fill();
                for (int i = 0; i < 3; i++) {
                    var slot = bookings.firstSlot("XRAY-CHEST", "ROMA-EUR", 1, i);
                    accepted.add(bookings.accepted(patient, "XRAY-CHEST",
                            OffsetDateTime.parse(slot.get("start").asText()), "ROMA-EUR"));
                }
                await().atMost(Duration.ofSeconds(180)).untilTrue(broken);
                disk.free();
            }
            try (LocalRuntime restarted = LocalRuntime.start(config)) {
                List<Reservation> decided = new Bookings(restarted).awaitFinal(accepted);
                assertThat(decided).extracting(Reservation::status).containsOnly(ReservationStatus.CONFIRMED);
            }
        }
    }

    @Test
    void aDeletedQueueIsCreatedAgainAndBookingsAreDecidedWithoutARestart() throws Exception {
        try (LocalRuntime runtime = LocalRuntime.start(RuntimeConfig.forTests(data, OPS))) {
            runtime.sqs().deleteQueue(b -> b.queueUrl(runtime.queueUrls().queueUrl()));
            Bookings bookings = new Bookings(runtime);
            ApiClient patient = new ApiClient(runtime.port()).asNewPatient();
            var slot = bookings.firstSlot("XRAY-CHEST", "ROMA-EUR", 1, 4);
            String id = bookings.accepted(patient, "XRAY-CHEST", OffsetDateTime.parse(slot.get("start").asText()),
                    "ROMA-EUR");
            await().atMost(Duration.ofSeconds(120)).until(() -> runtime.sqs().listQueues().queueUrls()
                    .contains(runtime.queueUrls().queueUrl()));
            assertThat(bookings.awaitFinal(List.of(id))).extracting(Reservation::status)
                    .containsOnly(ReservationStatus.CONFIRMED);
        }
    }
}
