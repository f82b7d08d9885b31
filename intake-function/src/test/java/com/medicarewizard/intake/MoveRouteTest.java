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
    void aRetryWithTheKeyAfterTheMoveWasMadeAnswersThatMoveNotA409() {
        String id = confirmed("2027-03-02T10:00:00+01:00");
        Reply first = api.send(move(id, "{\"start\":\"2027-03-03T11:00:00+01:00\"}").header("Idempotency-Key", "mv"));
        String made = first.text("id");
        // the allocator makes the move: the old booking CANCELLED by it, the new time CONFIRMED
        Reservation old = api.reservations.find(new ReservationId(id)).orElseThrow();
        Reservation pending = api.reservations.find(new ReservationId(made)).orElseThrow();
        api.reservations.storeMove(pending.decide(new Decision.Confirmed(old.resources()), api.clock.instant()),
                old.moveTo(pending.id(), api.clock.instant()));
        int stored = api.reservations.snapshot().size();

        Reply retry = api.send(move(id, "{\"start\":\"2027-03-03T11:00:00+01:00\"}").header("Idempotency-Key", "mv"));
        Reply withoutKey = api.send(move(id, "{\"start\":\"2027-03-03T11:00:00+01:00\"}"));

        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.text("id")).isEqualTo(made);
        assertThat(retry.text("status")).isEqualTo("CONFIRMED");
        assertThat(withoutKey.status()).as("no key: a new request, for a booking no longer movable").isEqualTo(409);
        assertThat(api.reservations.snapshot()).hasSize(stored);
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

    /**
     * At Roma Nord one room does X-rays (15 min, 5 min turnover): a booking at 10:00 holds it until 10:20,
     * so public availability says 10:15 is taken; for moving that booking it is free.
     */
    @Test
    void theTimesToMoveToCountTheBookingsOwnTimeAsFree() {
        String id = confirmed("2027-03-02T10:00:00+01:00");
        Reservation booked = api.reservations.find(new ReservationId(id)).orElseThrow();
        var exam = api.center.examType(booked.examType()).orElseThrow();
        var occupancy = com.medicarewizard.domain.availability.Occupancy.of(exam, booked.start());
        api.ledger.claim(booked.id(), occupancy.cells(new ResourceId("XR-N1")));

        Reply open = api.send(Req.get("/api/v1/availability").query("examType", "XRAY-CHEST")
                .query("from", "2027-03-02").query("to", "2027-03-02").query("site", "ROMA-NORD"));
        Reply forMove = api.send(Req.get("/api/v1/reservations/{id}/move-times").path("id", id).bearer(token)
                .query("from", "2027-03-02").query("to", "2027-03-02").query("site", "ROMA-NORD"));

        assertThat(forMove.status()).isEqualTo(200);
        assertThat(forMove.header("Cache-Control")).contains("no-store");
        assertThat(available(open, "2027-03-02T10:15:00+01:00")).isEqualTo(0);
        assertThat(available(forMove, "2027-03-02T10:15:00+01:00")).isEqualTo(1);
        assertThat(forMove.body()).noneSatisfy(slot -> assertThat(slot.get("start").asText())
                .isEqualTo("2027-03-02T10:00:00+01:00"));
    }

    @Test
    void theTimesToMoveToAreOnlyForTheCallersOwnConfirmedBooking() {
        String theirs = api.book(api.patientToken(), "2027-03-02T10:00:00+01:00");
        api.decide(theirs, new Decision.Confirmed(List.of(new ResourceId("XR-N1"))));
        String pending = api.book(token, "2027-03-02T11:00:00+01:00");

        Reply notMine = api.send(Req.get("/api/v1/reservations/{id}/move-times").path("id", theirs).bearer(token)
                .query("from", "2027-03-02").query("to", "2027-03-02"));
        Reply notConfirmed = api.send(Req.get("/api/v1/reservations/{id}/move-times").path("id", pending).bearer(token)
                .query("from", "2027-03-02").query("to", "2027-03-02"));
        Reply badRange = api.send(Req.get("/api/v1/reservations/{id}/move-times").path("id", confirmed(
                "2027-03-02T12:00:00+01:00")).bearer(token).query("from", "2027-03-02").query("to", "2027-02-01"));

        assertThat(notMine.status()).isEqualTo(404);
        assertThat(notConfirmed.status()).isEqualTo(409);
        assertThat(notConfirmed.code()).isEqualTo("not-movable");
        assertThat(badRange.status()).isEqualTo(400);
    }

    private static int available(Reply slots, String start) {
        for (var slot : slots.body()) {
            if (slot.get("start").asText().equals(start) && slot.get("site").asText().equals("ROMA-NORD")) {
                return slot.get("available").asInt();
            }
        }
        throw new AssertionError("no start " + start + " in " + slots.rawBody());
    }

    @Test
    void withoutATokenIs401() {
        String id = confirmed("2027-03-02T10:00:00+01:00");

        Reply reply = api.send(Req.post("/api/v1/reservations/{id}/move").path("id", id)
                .json("{\"start\":\"2027-03-03T11:00:00+01:00\"}"));

        assertThat(reply.status()).isEqualTo(401);
    }
}
