package com.medicarewizard.intake;

import static org.assertj.core.api.Assertions.assertThat;

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

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/reservations/{id}/move}: a move request recorded and queued, or refused at once and nothing changed. */
class MoveRouteTest {
    private final Api api = new Api();
    private final String token = api.patientToken();

    private String confirmed(String start) {
        String id = api.book(token, start);
        api.decide(id, new Decision.Confirmed(List.of(new ResourceId("XR-N1"))));
        return id;
    }

    private Req move(String id, String body) {
        return Req.post("/api/v1/reservations/{id}/move").path("id", id).bearer(token).json(body);
    }

    @Test
    void recordsAPendingMoveOfTheSameExamQueuesItAndAnswersItWithLocation() {
        String id = confirmed("2027-03-02T10:00:00+01:00");
        int sent = api.queue.sent().size();

        Reply reply = api.send(move(id, "{\"start\":\"2027-03-03T11:00:00+01:00\"}").header("X-Correlation-Id", "mv-1"));

        assertThat(reply.status()).isEqualTo(202);
        String moveId = reply.text("id");
        assertThat(moveId).isNotEqualTo(id);
        assertThat(reply.text("status")).isEqualTo("PENDING");
        assertThat(reply.text("replaces")).isEqualTo(id);
        assertThat(reply.text("start")).isEqualTo("2027-03-03T11:00:00+01:00");
        assertThat(reply.header("Location")).contains("/api/v1/reservations/" + moveId);
        Reservation stored = api.reservations.find(new ReservationId(moveId)).orElseThrow();
        Reservation old = api.reservations.find(new ReservationId(id)).orElseThrow();
        assertThat(stored.examType()).isEqualTo(old.examType());
        assertThat(stored.site()).isEqualTo(old.site());
        assertThat(stored.replaces().orElseThrow().start()).isEqualTo(old.start());
        assertThat(old.status()).as("the old booking waits for the allocator").isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(api.queue.sent()).hasSize(sent + 1).last().isEqualTo(
                new ReservationCommand(ReservationCommand.Type.DECIDE, stored.id(), "mv-1"));
    }

    @Test
    void theSameKeyAnswersTheSameMoveAndAnotherPayloadWithItIs422() {
        String id = confirmed("2027-03-02T10:00:00+01:00");
        Reply first = api.send(move(id, "{\"start\":\"2027-03-03T11:00:00+01:00\"}").header("Idempotency-Key", "mv"));
        Reply again = api.send(move(id, "{\"start\":\"2027-03-03T11:00:00+01:00\"}").header("Idempotency-Key", "mv"));
        Reply other = api.send(move(id, "{\"start\":\"2027-03-03T11:15:00+01:00\"}").header("Idempotency-Key", "mv"));

        assertThat(again.text("id")).isEqualTo(first.text("id"));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.code()).isEqualTo("idempotency-key-reused");
        assertThat(api.reservations.snapshot()).hasSize(2);
    }

    @Test
    void anotherPatientsReservationIs404AndNothingIsRecorded() {
        String theirs = api.book(api.patientToken(), "2027-03-02T10:00:00+01:00");
        api.decide(theirs, new Decision.Confirmed(List.of(new ResourceId("XR-N1"))));
        int stored = api.reservations.snapshot().size();

        Reply reply = api.send(move(theirs, "{\"start\":\"2027-03-03T11:00:00+01:00\"}"));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(api.reservations.snapshot()).hasSize(stored);
    }

    @Test
    void onlyAConfirmedBookingNotBeingCancelledCanBeMoved() {
        String pending = api.book(token, "2027-03-02T10:00:00+01:00");
        String rejected = api.book(token, "2027-03-02T11:00:00+01:00");
        api.decide(rejected, new Decision.Rejected(RejectionReason.SLOT_TAKEN));
        String cancelling = confirmed("2027-03-02T12:00:00+01:00");
        api.send(Req.delete("/api/v1/reservations/{id}").path("id", cancelling).bearer(token));
        int stored = api.reservations.snapshot().size();

        for (String id : List.of(pending, rejected, cancelling)) {
            Reply reply = api.send(move(id, "{\"start\":\"2027-03-03T11:00:00+01:00\"}"));
            assertThat(reply.status()).as(id).isEqualTo(409);
            assertThat(reply.code()).isEqualTo("not-movable");
        }
        assertThat(api.reservations.snapshot()).hasSize(stored);
    }

    @Test
    void aStartedBookingIs409AndItsOwnTimeIs422() {
        String email = api.registerPatient();
        String mine = api.login(email, Api.PASSWORD).text("accessToken");
        String id = api.book(mine, "2027-03-02T10:00:00+01:00");
        api.decide(id, new Decision.Confirmed(List.of(new ResourceId("XR-N1"))));

        Reply same = api.send(move(id, "{\"start\":\"2027-03-02T09:00:00Z\"}").bearer(mine));
        assertThat(same.status()).isEqualTo(422);
        assertThat(same.code()).isEqualTo("same-time");

        api.clock.advance(Duration.ofDays(1).plusHours(2));
        String later = api.login(email, Api.PASSWORD).text("accessToken");
        Reply started = api.send(move(id, "{\"start\":\"2027-03-05T11:00:00+01:00\"}").bearer(later));
        assertThat(started.status()).isEqualTo(409);
        assertThat(started.code()).isEqualTo("already-started");
    }

    @Test
    void aTimeThatCanNeverBeBookedIs422AndBadInputIs400() {
        String id = confirmed("2027-03-02T10:00:00+01:00");
        int stored = api.reservations.snapshot().size();

        Reply offGrid = api.send(move(id, "{\"start\":\"2027-03-03T11:07:00+01:00\"}"));
        Reply unknownSite = api.send(move(id, "{\"start\":\"2027-03-03T11:00:00+01:00\",\"site\":\"NOWHERE\"}"));
        Reply noStart = api.send(move(id, "{}"));
        Reply badSite = api.send(move(id, "{\"start\":\"2027-03-03T11:00:00+01:00\",\"site\":\"no spaces\"}"));

        assertThat(offGrid.status()).isEqualTo(422);
        assertThat(offGrid.code()).isEqualTo("off-grid");
        assertThat(unknownSite.status()).isEqualTo(422);
        assertThat(noStart.status()).isEqualTo(400);
        assertThat(badSite.status()).isEqualTo(400);
        assertThat(api.reservations.snapshot()).hasSize(stored);
    }

    @Test
    void withoutATokenIs401() {
        String id = confirmed("2027-03-02T10:00:00+01:00");

        Reply reply = api.send(Req.post("/api/v1/reservations/{id}/move").path("id", id)
                .json("{\"start\":\"2027-03-03T11:00:00+01:00\"}"));

        assertThat(reply.status()).isEqualTo(401);
    }
}
