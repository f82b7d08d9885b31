package com.medicarewizard.intake;

import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.reservation.Decision;
import com.medicarewizard.domain.reservation.RejectionReason;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.intake.fakes.Api;
import com.medicarewizard.intake.fakes.Reply;
import com.medicarewizard.intake.fakes.Req;
import com.medicarewizard.port.ReservationCommand;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OwnReservationsTest {
    private final Api api = new Api();
    private final String token = api.patientToken();
    private final String other = api.patientToken();

    @Test
    void readsOwnReservationWithEndAndNoReasonWhilePending() {
        String id = api.book(token, "2027-03-02T10:00:00+01:00");

        Reply reply = api.send(get(id, token));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text("id")).isEqualTo(id);
        assertThat(reply.text("status")).isEqualTo("PENDING");
        assertThat(reply.text("end")).isEqualTo("2027-03-02T10:15:00+01:00");
        assertThat(reply.body().has("reason")).isFalse();
        assertThat(reply.header("Cache-Control")).contains("no-store");
    }

    @Test
    void aRejectedReservationShowsItsReason() {
        String id = api.book(token, "2027-03-02T10:00:00+01:00");
        api.decide(id, new Decision.Rejected(RejectionReason.SLOT_TAKEN));

        Reply reply = api.send(get(id, token));

        assertThat(reply.text("status")).isEqualTo("REJECTED");
        assertThat(reply.text("reason")).isEqualTo("SLOT_TAKEN");
    }

    @Test
    void anotherPatientsReservationIsExactlyLikeAMissingOne() {
        String id = api.book(token, "2027-03-02T10:00:00+01:00");

        Reply theirs = api.send(get(id, other).requestId("same"));
        Reply missing = api.send(get(ReservationId.random().value(), other).requestId("same"));
        Reply malformed = api.send(get("not-a-uuid", other).requestId("same"));
        Reply cancelTheirs = api.send(delete(id, other).requestId("same"));
        Reply cancelMissing = api.send(delete(ReservationId.random().value(), other).requestId("same"));

        assertThat(theirs.status()).isEqualTo(404);
        assertThat(theirs.code()).isEqualTo("not-found");
        assertThat(missing.rawBody()).isEqualTo(theirs.rawBody());
        assertThat(malformed.rawBody()).isEqualTo(theirs.rawBody());
        assertThat(cancelTheirs.rawBody()).isEqualTo(theirs.rawBody());
        assertThat(cancelMissing.rawBody()).isEqualTo(theirs.rawBody());
        assertThat(missing.headers()).isEqualTo(theirs.headers());
        assertThat(api.reservations.find(new ReservationId(id)).orElseThrow().cancelRequestedAt()).isEmpty();
        assertThat(api.queue.sent()).hasSize(1);
    }

    @Test
    void listsOnlyOwnReservationsNewestStartFirst() {
        String early = api.book(token, "2027-03-02T10:00:00+01:00");
        String late = api.book(token, "2027-03-05T10:00:00+01:00");
        api.book(other, "2027-03-03T10:00:00+01:00");

        Reply reply = api.send(Req.get("/api/v1/reservations").bearer(token));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).extracting(r -> r.get("id").asText()).containsExactly(late, early);
    }

    @Test
    void cancellingAPendingOrConfirmedReservationRecordsTheWishAndQueuesTheRelease() {
        String id = api.book(token, "2027-03-02T10:00:00+01:00");
        api.decide(id, new Decision.Confirmed(List.of(new ResourceId("XR-N1"))));

        Reply reply = api.send(delete(id, token).header("X-Correlation-Id", "cancel-9"));

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.text("status")).isEqualTo("CONFIRMED");
        var stored = api.reservations.find(new ReservationId(id)).orElseThrow();
        assertThat(stored.cancelRequestedAt()).contains(api.clock.instant());
        assertThat(api.queue.sent().getLast()).isEqualTo(
                new ReservationCommand(ReservationCommand.Type.CANCEL, stored.id(), stored.correlationId()));
    }

    @Test
    void cancellingTwiceIsAcceptedAgainWithoutASecondWrite() {
        String id = api.book(token, "2027-03-02T10:00:00+01:00");
        api.send(delete(id, token));
        int writes = api.reservations.updates();

        Reply again = api.send(delete(id, token));

        assertThat(again.status()).isEqualTo(202);
        assertThat(api.reservations.updates()).isEqualTo(writes);
    }

    /**
     * A CONFIRMED booking whose CANCEL cannot be queued would stay confirmed: the sweeper re-sends
     * only PENDING requests. So the patient is told to try again, and the next DELETE sends it.
     */
    @Test
    void aCancellationTheQueueRefusesIs503AndTheNextTrySendsIt() {
        String id = api.book(token, "2027-03-02T10:00:00+01:00");
        api.queue.unavailable(true);
        int sent = api.queue.sent().size();

        Reply refused = api.send(delete(id, token));

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.headers()).containsKey("Retry-After");
        assertThat(api.queue.sent()).hasSize(sent);

        api.queue.unavailable(false);
        Reply again = api.send(delete(id, token));

        assertThat(again.status()).isEqualTo(202);
        assertThat(api.queue.sent()).last().extracting(ReservationCommand::type).isEqualTo(ReservationCommand.Type.CANCEL);
    }

    @Test
    void cancellingACancelledReservationIs202AndQueuesNothing() {
        String id = api.book(token, "2027-03-02T10:00:00+01:00");
        var stored = api.reservations.find(new ReservationId(id)).orElseThrow();
        api.reservations.put(stored.cancel(api.clock.instant()).withVersion(stored.version() + 1));
        int sent = api.queue.sent().size();

        Reply reply = api.send(delete(id, token));

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.text("status")).isEqualTo("CANCELLED");
        assertThat(api.queue.sent()).hasSize(sent);
    }

    @Test
    void aRejectedReservationCannotBeCancelled() {
        String id = api.book(token, "2027-03-02T10:00:00+01:00");
        api.decide(id, new Decision.Rejected(RejectionReason.SLOT_TAKEN));

        Reply reply = api.send(delete(id, token));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.code()).isEqualTo("not-cancellable");
    }

    @Test
    void aStartedReservationCannotBeCancelled() {
        String email = api.registerPatient();
        String id = api.book(api.login(email, Api.PASSWORD).text("accessToken"), "2027-03-02T10:00:00+01:00");
        api.decide(id, new Decision.Confirmed(List.of(new ResourceId("XR-N1"))));
        api.clock.advance(Duration.ofDays(1).plusHours(2));

        Reply reply = api.send(delete(id, api.login(email, Api.PASSWORD).text("accessToken")));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.code()).isEqualTo("already-started");
        assertThat(api.reservations.find(new ReservationId(id)).orElseThrow().cancelRequestedAt()).isEmpty();
    }

    @Test
    void aDecisionRacingTheCancellationStillGetsTheRequestRecorded() {
        String id = api.book(token, "2027-03-02T10:00:00+01:00");
        api.reservations.interfereWithNextUpdate(r -> r.decide(new Decision.Confirmed(List.of(new ResourceId("XR-N1"))),
                api.clock.instant()));

        Reply reply = api.send(delete(id, token));

        assertThat(reply.status()).isEqualTo(202);
        var stored = api.reservations.find(new ReservationId(id)).orElseThrow();
        assertThat(stored.status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(stored.cancelRequestedAt()).isPresent();
        assertThat(stored.version()).isEqualTo(2);
    }

    @Test
    void aRejectionRacingTheCancellationIs409() {
        String id = api.book(token, "2027-03-02T10:00:00+01:00");
        api.reservations.interfereWithNextUpdate(r -> r.decide(new Decision.Rejected(RejectionReason.SLOT_TAKEN),
                api.clock.instant()));

        Reply reply = api.send(delete(id, token));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.code()).isEqualTo("not-cancellable");
    }

    @Test
    void readingAndCancellingNeedAToken() {
        String id = api.book(token, "2027-03-02T10:00:00+01:00");

        assertThat(api.send(Req.get("/api/v1/reservations")).status()).isEqualTo(401);
        assertThat(api.send(Req.get("/api/v1/reservations/{id}").path("id", id)).status()).isEqualTo(401);
        assertThat(api.send(Req.delete("/api/v1/reservations/{id}").path("id", id)).status()).isEqualTo(401);
        assertThat(api.reservations.find(new ReservationId(id)).orElseThrow().cancelRequestedAt()).isEmpty();
    }



    private static Req get(String id, String bearer) {
        return Req.get("/api/v1/reservations/{id}").path("id", id).bearer(bearer);
    }

    private static Req delete(String id, String bearer) {
        return Req.delete("/api/v1/reservations/{id}").path("id", id).bearer(bearer);
    }
}
