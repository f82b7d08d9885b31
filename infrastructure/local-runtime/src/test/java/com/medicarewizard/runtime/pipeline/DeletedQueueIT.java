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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A queue deleted under the runtime is created again and bookings are decided without a restart. */
class DeletedQueueIT {
    private static final String OPS = "ops-secret-for-tests";

    @TempDir
    Path data;

    @Test
    void aDeletedQueueIsCreatedAgainAndBookingsAreDecidedWithoutARestart() throws Exception {
        // a sweeper patient for ten minutes: what decides the booking is the refill of the new queue
        try (LocalRuntime runtime = LocalRuntime.start(RuntimeConfig.forTests(data, OPS)
                .withSweepAfter(Duration.ofMinutes(10)))) {
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
