package com.medicarewizard.intake;

import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.notification.Channel;
import com.medicarewizard.domain.notification.NotificationKey;
import com.medicarewizard.domain.notification.ParkedNotification;
import com.medicarewizard.domain.reservation.Decision;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.RejectionReason;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.intake.fakes.Api;
import com.medicarewizard.intake.fakes.Reply;
import com.medicarewizard.intake.fakes.Req;
import com.medicarewizard.intake.fakes.TestCenter;
import com.medicarewizard.port.ReservationQueue;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class OpsRoutesTest {
    private static final String OPS_TOKEN = "ops-secret-0123456789abcdef";
    private final Api api = new Api(IntakeConfig.fromEnvironment(Map.of("MCW_OPS_TOKEN", OPS_TOKEN)));

    @Test
    void reportsQueueFiguresAgesLagsAndOutcomesPerMinute() {
        Instant now = api.clock.instant();
        api.queue.figures(new ReservationQueue.QueueFigures(7, 2, 1));
        api.streamLag = 1.5;
        store(now.minusSeconds(42), Optional.empty());
        store(now.minusSeconds(5), Optional.empty());
        store(now.minusSeconds(30), Optional.of(new Decision.Confirmed(List.of(new ResourceId("XR-N1")))),
                now.minusSeconds(29));
        store(now.minusSeconds(20), Optional.of(new Decision.Confirmed(List.of(new ResourceId("XR-N1")))),
                now.minusSeconds(17));
        store(now.minusSeconds(10), Optional.of(new Decision.Rejected(RejectionReason.SLOT_TAKEN)), now.minusSeconds(8));
        store(now.minusSeconds(300), Optional.of(new Decision.Rejected(RejectionReason.SLOT_TAKEN)), now.minusSeconds(200));
        for (Channel channel : List.of(Channel.EMAIL, Channel.SMS)) {
            api.notifications.park(ParkedNotification.first(new NotificationKey(ReservationId.random(),
                    ReservationStatus.CONFIRMED, channel), "***", "refused", false, now, Duration.ofSeconds(30)));
        }

        Reply reply = api.send(ops().bearer(OPS_TOKEN));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("queueDepth").asLong()).isEqualTo(7);
        assertThat(reply.body().get("inFlight").asLong()).isEqualTo(2);
        assertThat(reply.body().get("deadLetters").asLong()).isEqualTo(1);
        assertThat(reply.body().get("oldestAgeSeconds").asDouble()).isEqualTo(42.0);
        assertThat(reply.body().get("allocatorLagSeconds").asDouble()).isEqualTo(2.0);
        assertThat(reply.body().get("streamLagSeconds").asDouble()).isEqualTo(1.5);
        assertThat(reply.body().get("confirmedPerMinute").asDouble()).isEqualTo(2.0);
        assertThat(reply.body().get("rejectedPerMinute").asDouble()).isEqualTo(1.0);
        assertThat(reply.body().get("parkedNotifications").asLong()).isEqualTo(2);
        assertThat(reply.header("Cache-Control")).contains("no-store");
    }

    @Test
    void anIdlePipelineReportsZeros() {
        Reply reply = api.send(ops().bearer(OPS_TOKEN));

        assertThat(reply.body().get("oldestAgeSeconds").asDouble()).isZero();
        assertThat(reply.body().get("allocatorLagSeconds").asDouble()).isZero();
        assertThat(reply.body().get("confirmedPerMinute").asDouble()).isZero();
        assertThat(reply.body().get("parkedNotifications").asLong()).isZero();
    }

    @Test
    void withoutATokenIs401AndWithAWrongOne403() {
        Reply none = api.send(ops());
        Reply wrong = api.send(ops().bearer("ops-secret-0123456789abcdeX"));
        Reply patient = api.send(ops().bearer(api.patientToken()));

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).contains("Bearer");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.code()).isEqualTo("forbidden");
        assertThat(patient.status()).isEqualTo(403);
    }

    @Test
    void withoutAConfiguredOpsTokenTheEndpointIsRefusedToEveryone() {
        Api closed = new Api(IntakeConfig.fromEnvironment(Map.of("MCW_OPS_TOKEN", "  ")));

        assertThat(closed.send(ops().bearer(OPS_TOKEN)).status()).isEqualTo(403);
        assertThat(closed.send(ops().bearer("")).status()).isEqualTo(403);
        assertThat(closed.send(ops()).status()).isEqualTo(403);
    }

    private static Req ops() {
        return Req.get("/api/v1/ops/pipeline");
    }

    private void store(Instant requestedAt, Optional<Decision> decision) {
        store(requestedAt, decision, requestedAt);
    }

    private void store(Instant requestedAt, Optional<Decision> decision, Instant decidedAt) {
        Instant start = TestCenter.NOW.plus(Duration.ofDays(2));
        Reservation pending = Reservation.request(ReservationId.random(), PatientId.random(), TestCenter.XRAY,
                TestCenter.NORD, start, start.plusSeconds(900), requestedAt, "c-1");
        api.reservations.put(decision.map(d -> pending.decide(d, decidedAt)).orElse(pending));
    }

    /** The v1 contract's streamLagSeconds stays a number; whether it is known is said beside it. */
    @Test
    void aStreamLagNotKnownIsSaidSoBesideANumber() {
        api.streamLag = null;

        Reply reply = api.send(ops().bearer(OPS_TOKEN));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("streamLagSeconds").isNumber()).isTrue();
        assertThat(reply.body().get("streamLagKnown").asBoolean()).isFalse();

        api.streamLag = 2.5;
        Reply known = api.send(ops().bearer(OPS_TOKEN));
        assertThat(known.body().get("streamLagSeconds").asDouble()).isEqualTo(2.5);
        assertThat(known.body().get("streamLagKnown").asBoolean()).isTrue();
    }
}
