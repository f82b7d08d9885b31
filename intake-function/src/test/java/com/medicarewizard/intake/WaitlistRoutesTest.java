package com.medicarewizard.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.reservation.Decision;
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
import java.util.Optional;

/**
 * The waitlist's routes over fakes: joining with its refusals, and accepting an offer — recorded and
 * queued in time, refused once lapsed or declined, for its own patient only, and again answered 202.
 */
class WaitlistRoutesTest {
    private static final Duration HOLD = Duration.ofMinutes(15);
    private final Api api = new Api();
    private final String token = api.patientToken();

    /** An offer HELD for the token's patient, made from a booking of theirs confirmed then cancelled. */
    private Reservation held() {
        String id = api.book(token, "2027-03-02T10:00:00+01:00");
        api.decide(id, new Decision.Confirmed(List.of(new ResourceId("XR-N1"))));
        Reservation booked = api.reservations.find(new ReservationId(id)).orElseThrow();
        Reservation freed = booked.requestCancellation(api.clock.instant()).cancel(api.clock.instant());
        Reservation offer = Reservation.offerRequest(ReservationId.random(), booked.patient(), freed,
                "2f6d8c1e-0000-4000-8000-000000000001", HOLD, api.clock.instant(), "corr-offer");
        api.reservations.create(offer, Optional.empty());
        api.decide(offer.id().value(), new Decision.Confirmed(List.of(new ResourceId("XR-N1"))));
        return api.reservations.find(offer.id()).orElseThrow();
    }

    private Reply accept(Reservation offer, String bearer) {
        return api.send(Req.post("/api/v1/reservations/{id}/accept").path("id", offer.id().value()).bearer(bearer)
                .json("{}"));
    }

    @Test
    void anOfferAcceptedInTimeIsRecordedAndQueuedAndAcceptingAgainAnswersTheSame() {
        Reservation offer = held();
        api.clock.advance(Duration.ofMinutes(14));

        Reply reply = accept(offer, token);

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.text("status")).isEqualTo("HELD");
        assertThat(reply.text("heldUntil")).isNotBlank();
        assertThat(api.reservations.find(offer.id()).orElseThrow().isAccepted()).isTrue();
        assertThat(api.queue.sent()).last().satisfies(command -> {
            assertThat(command.type()).isEqualTo(ReservationCommand.Type.DECIDE);
            assertThat(command.reservation()).isEqualTo(offer.id());
        });
        api.clock.advance(Duration.ofMinutes(5));
        assertThat(accept(offer, token).status()).as("accepted in time, asked again after the hold").isEqualTo(202);
    }

    @Test
    void aLapsedOrDeclinedOfferOrAnotherPatientsOrABookingIsRefusedAndNothingChanges() {
        Reservation lapsed = held();
        api.clock.advance(HOLD);
        int sent = api.queue.sent().size();
        Reply late = accept(lapsed, token);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.text("code")).isEqualTo("offer-lapsed");
        assertThat(api.reservations.find(lapsed.id())).contains(lapsed);

        Reservation declined = held();
        assertThat(api.send(Req.delete("/api/v1/reservations/{id}").path("id", declined.id().value()).bearer(token))
                .status()).isEqualTo(202);
        assertThat(accept(declined, token).text("code")).isEqualTo("offer-lapsed");

        Reservation someoneElses = held();
        assertThat(accept(someoneElses, api.patientToken()).status()).isEqualTo(404);
        String booking = api.book(token, "2027-03-04T10:00:00+01:00");
        Reply notAnOffer = api.send(Req.post("/api/v1/reservations/{id}/accept").path("id", booking).bearer(token)
                .json("{}"));
        assertThat(notAnOffer.text("code")).isEqualTo("not-an-offer");
        assertThat(api.reservations.find(someoneElses.id()).orElseThrow().status()).isEqualTo(ReservationStatus.HELD);
        var offers = List.of(lapsed.id(), declined.id(), someoneElses.id());
        assertThat(api.queue.sent().stream().skip(sent).filter(c -> c.type() == ReservationCommand.Type.DECIDE
                && offers.contains(c.reservation()))).isEmpty();
    }

    @Test
    void joiningRefusesWhatCannotBeWaitedForAndTheSameWishTwice() {
        String exam = api.center.examTypes().getFirst().code().value();
        Reply joined = api.send(Req.post("/api/v1/waitlist").bearer(token)
                .json("{\"examType\":\"" + exam + "\",\"before\":\"2027-04-01\"}"));
        assertThat(joined.status()).as("%s", joined).isEqualTo(201);
        assertThat(api.send(Req.post("/api/v1/waitlist").bearer(token)
                .json("{\"examType\":\"" + exam + "\",\"before\":\"2027-04-02\"}")).text("code")).isEqualTo("already-waiting");
        for (String body : List.of("{\"examType\":\"NOPE\",\"before\":\"2027-04-01\"}",
                "{\"examType\":\"" + exam + "\",\"before\":\"2020-01-01\"}",
                "{\"examType\":\"" + exam + "\",\"before\":\"2027-04-01\",\"site\":\"../x\"}",
                "{\"before\":\"2027-04-01\"}", "[]")) {
            assertThat(api.send(Req.post("/api/v1/waitlist").bearer(token).json(body)).status()).as(body).isEqualTo(400);
        }
        assertThat(api.waitlist.waiting(api.center.examTypes().getFirst().code())).hasSize(1);
        assertThat(api.send(Req.get("/api/v1/waitlist")).status()).isEqualTo(401);
    }
}
