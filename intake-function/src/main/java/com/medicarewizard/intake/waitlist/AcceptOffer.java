package com.medicarewizard.intake.waitlist;

import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.intake.http.PatientRoute;
import com.medicarewizard.intake.http.Problem;
import com.medicarewizard.intake.http.Request;
import com.medicarewizard.intake.http.Response;
import com.medicarewizard.intake.reservation.ReadReservations;
import com.medicarewizard.intake.reservation.ReservationBody;
import com.medicarewizard.port.CenterCatalog;
import com.medicarewizard.port.ReservationCommand;
import com.medicarewizard.port.ReservationQueue;
import com.medicarewizard.port.Reservations;
import com.medicarewizard.port.Tokens;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.time.Clock;
import java.time.Instant;

/**
 * {@code POST /api/v1/reservations/{id}/accept}: the patient takes the time a waitlist offer holds for
 * them. The acceptance is recorded on the HELD offer (a write on its version, so an offer lapsing at the
 * same moment is either accepted or lapsed, never both) and the allocator is asked to confirm it; 202 with
 * the offer, which becomes CONFIRMED within seconds. Accepting again is 202 again (and asks again). Not the
 * caller's: 404; not an offer: 409 {@code not-an-offer}; not yet decided: 409 {@code offer-not-ready};
 * lapsed, declined or past its hold: 409
 * {@code offer-lapsed}. A queue refusing the request is a 503 to try again, as for a cancellation.
 */
public record AcceptOffer(CenterCatalog catalog, Reservations reservations, ReservationQueue queue, Clock clock)
        implements PatientRoute {
    private static final Logger LOG = LogManager.getLogger(AcceptOffer.class);

    @Override
    public Response handle(Request request, Tokens.Session session) {
        Reservation offer = ReadReservations.own(reservations, request, session.patient());
        if (!offer.isOffer()) {
            throw Problem.of(409, "not-an-offer", "Conflict", "This reservation is not an offer from the waitlist.")
                    .raise();
        }
        if (offer.status() == ReservationStatus.CONFIRMED) {
            return accepted(offer);
        }
        Instant now = clock.instant();
        if (offer.status() == ReservationStatus.PENDING) {
            throw Problem.of(409, "offer-not-ready", "Conflict",
                    "This offer is still being prepared: try again in a moment.").withHeader("Retry-After", "2").raise();
        }
        if (!offer.isAccepted()) {
            if (!offer.isAcceptable(now)) {
                throw lapsed();
            }
            try {
                offer = reservations.update(offer.acceptOffer(now));
            } catch (Reservations.ConcurrentChangeException changed) {
                offer = changed.current().filter(Reservation::isAccepted).orElseThrow(AcceptOffer::lapsed);
            }
        }
        try {
            queue.send(new ReservationCommand(ReservationCommand.Type.DECIDE, offer.id(), offer.correlationId()));
            LOG.info("offer {} accepted and queued", offer.id());
        } catch (ReservationQueue.QueueUnavailableException e) {
            LOG.warn("offer {} accepted but not queued; answered 503", offer.id());
            throw Problem.of(503, "queue-unavailable", "Service Unavailable",
                    "The acceptance is recorded but could not be passed on; please accept again shortly.")
                    .withHeader("Retry-After", "5").raise();
        }
        return accepted(offer);
    }

    private Response accepted(Reservation offer) {
        return Response.json(202, ReservationBody.of(offer, catalog.current()))
                .header("Location", "/api/v1/reservations/" + offer.id()).noStore();
    }

    private static com.medicarewizard.intake.http.ProblemException lapsed() {
        return Problem.of(409, "offer-lapsed", "Conflict",
                "This offer is no longer held for you: it lapsed or was declined.").raise();
    }
}
