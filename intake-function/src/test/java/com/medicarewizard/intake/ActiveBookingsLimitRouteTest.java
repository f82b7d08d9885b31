package com.medicarewizard.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.domain.reservation.Decision;
import com.medicarewizard.domain.reservation.RejectionReason;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.intake.fakes.Api;
import com.medicarewizard.intake.fakes.Reply;
import com.medicarewizard.intake.fakes.Req;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A patient who already holds the most bookings ahead is refused at once (422) and nothing is stored. */
class ActiveBookingsLimitRouteTest {
    /** The standard limit of bookings ahead ({@code ActiveBookingsLimit.STANDARD}). */
    private static final int LIMIT = 10;
    private static final OffsetDateTime FIRST = OffsetDateTime.parse("2027-03-02T10:00:00+01:00");
    private final Api api = new Api();
    private final String token = api.patientToken();

    private Reply reserve(int slot, String idempotencyKey) {
        Req request = Req.post("/api/v1/reservations").bearer(token).json("{\"examType\":\"XRAY-CHEST\",\"start\":\""
                + FIRST.plusMinutes(15L * slot) + "\"}");
        return api.send(idempotencyKey == null ? request : request.header("Idempotency-Key", idempotencyKey));
    }

    private List<String> holdTheLimit() {
        List<String> ids = new ArrayList<>();
        for (int slot = 0; slot < LIMIT; slot++) {
            Reply accepted = reserve(slot, "k-" + slot);
            assertThat(accepted.status()).as("request %d", slot).isEqualTo(202);
            ids.add(accepted.text("id"));
        }
        return ids;
    }

    @Test
    void theRequestBeyondTheLimitIs422TooManyBookingsAndChangesNothing() {
        holdTheLimit();

        Reply beyond = reserve(LIMIT, null);

        assertThat(beyond.status()).isEqualTo(422);
        assertThat(beyond.header("Content-Type")).contains("application/problem+json");
        assertThat(beyond.code()).isEqualTo("too-many-bookings");
        assertThat(beyond.text("type")).isEqualTo("/problems/too-many-bookings");
        assertThat(api.reservations.snapshot()).hasSize(LIMIT);
        assertThat(api.queue.sent()).hasSize(LIMIT);
    }

    @Test
    void aRetryOfOneOfThemWithItsKeyStillAnswersTheReservationItCreated() {
        List<String> ids = holdTheLimit();

        Reply retry = reserve(3, "k-3");

        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.text("id")).isEqualTo(ids.get(3));
        assertThat(api.reservations.snapshot()).hasSize(LIMIT);
    }

    @Test
    void rejectedAndCancelledOnesLeaveRoom() {
        List<String> ids = holdTheLimit();
        Reservation first = api.reservations.find(new ReservationId(ids.getFirst())).orElseThrow();
        api.reservations.update(first.decide(new Decision.Rejected(RejectionReason.SLOT_TAKEN), api.clock.instant()));

        assertThat(reserve(LIMIT, null).status()).isEqualTo(202);
    }
}
