package com.medicarewizard.intake.reservation;

import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.center.SiteId;
import com.medicarewizard.domain.limit.FixedWindow;
import com.medicarewizard.domain.limit.Verdict;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.intake.http.PatientRoute;
import com.medicarewizard.intake.http.Problem;
import com.medicarewizard.intake.http.Problems;
import com.medicarewizard.intake.http.Request;
import com.medicarewizard.intake.http.Response;
import com.medicarewizard.port.CenterCatalog;
import com.medicarewizard.port.RateLimits;
import com.medicarewizard.port.ReservationCommand;
import com.medicarewizard.port.ReservationQueue;
import com.medicarewizard.port.Reservations;
import com.medicarewizard.port.Tokens;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code POST /api/v1/reservations/{id}/move}: records a PENDING request that replaces the patient's
 * CONFIRMED reservation {@code id} (same exam, a new start, by default at the same site), queues it as
 * any request, and answers that request, 202. The allocator decides the move as one unit: the new time
 * confirmed and the old one cancelled together, or the move rejected and the old one untouched. What the
 * allocator needs to refuse a move it can no longer make is on the records, so this route only refuses
 * at once what can never succeed: a reservation not the caller's (404), not CONFIRMED or with its
 * cancellation asked for (409 {@code not-movable}), started (409), the same time (422
 * {@code same-time}), and every rule a request must meet (422, as {@link StartCheck}). The same
 * {@code Idempotency-Key} answers the same move, also once it is made (the booking CANCELLED by it,
 * which a first try would now find not movable); the request counts against the patient's
 * reservation requests. The patient's limit on bookings ahead does not apply: a move replaces one.
 */
public record MoveReservation(CenterCatalog catalog, Reservations reservations, ReservationQueue queue,
                              RateLimits limits, FixedWindow perPatient, Clock clock) implements PatientRoute {
    private static final Logger LOG = LogManager.getLogger(MoveReservation.class);

    @Override
    public Response handle(Request request, Tokens.Session session) {
        Reservation current = ReadReservations.own(reservations, request, session.patient());
        MoveForm move = MoveForm.read(request);
        Instant now = clock.instant();
        SiteId site = move.site().orElse(current.site());
        Optional<Reservation> done = alreadyMoved(current, site, move);
        if (done.isPresent()) {
            return accepted(done.get(), catalog.current());
        }
        refuseUnmovable(current, now);
        if (site.equals(current.site()) && move.start().equals(current.start())) {
            throw Problem.of(422, "same-time", "Unprocessable Content", "This is already the booking's time.").raise();
        }
        Center center = catalog.current();
        StartCheck.Accepted accepted = StartCheck.accept(new ReservationForm(current.examType(), move.start(),
                Optional.of(site), move.idempotencyKey()), center, now);
        if (limits.take("reservations:" + session.patient().value(), perPatient, now) instanceof Verdict.Refused refused) {
            throw Problems.rateLimited("too-many-reservation-requests", "Too many reservation requests", refused).raise();
        }
        Reservation pending = Reservation.moveRequest(ReservationId.random(), current, site, move.start(),
                move.start().plus(accepted.exam().duration()), now, request.correlationId());
        Reservations.Created created = reservations.create(pending, move.idempotencyKey());
        Reservation stored = created.reservation();
        if (created.isNew()) {
            enqueue(stored);
        } else if (!sameMove(stored, current, site, move.start())) {
            throw Problem.of(422, "idempotency-key-reused", "Unprocessable Content",
                    "This idempotency key was already used for a different request.").raise();
        }
        return accepted(stored, center);
    }

    private static Response accepted(Reservation move, Center center) {
        return Response.json(202, ReservationBody.of(move, center))
                .header("Location", "/api/v1/reservations/" + move.id())
                .noStore();
    }

    /**
     * A retry (same key) of the move that has since been made: the booking is CANCELLED by it, and the
     * answer is that move, as for any retried request, rather than a 409 for a booking no longer movable.
     */
    private Optional<Reservation> alreadyMoved(Reservation current, SiteId site, MoveForm move) {
        if (move.idempotencyKey().isEmpty() || current.movedTo().isEmpty()) {
            return Optional.empty();
        }
        return reservations.find(current.movedTo().get())
                .filter(made -> made.patient().equals(current.patient()) && sameMove(made, current, site, move.start()));
    }

    private static void refuseUnmovable(Reservation current, Instant now) {
        if (current.status() == ReservationStatus.CONFIRMED && current.hasStarted(now)) {
            throw Problem.of(409, "already-started", "Conflict", "The exam has already started.").raise();
        }
        if (current.status() != ReservationStatus.CONFIRMED || current.cancelRequestedAt().isPresent()) {
            throw Problem.of(409, "not-movable", "Conflict",
                    "Only a confirmed booking that is not being cancelled can be moved.").raise();
        }
    }

    private static boolean sameMove(Reservation stored, Reservation current, SiteId site, Instant start) {
        return stored.replaces().filter(r -> r.reservation().equals(current.id())).isPresent()
                && stored.site().equals(site) && stored.start().equals(start);
    }

    private void enqueue(Reservation move) {
        try {
            queue.send(new ReservationCommand(ReservationCommand.Type.DECIDE, move.id(), move.correlationId()));
            LOG.info("move {} of reservation {} accepted and queued", move.id(),
                    move.replaces().orElseThrow().reservation());
        } catch (ReservationQueue.QueueUnavailableException e) {
            // the PENDING record is kept; the sweeper re-sends what has waited too long
            LOG.warn("move {} accepted but not queued; the sweeper will re-send it", move.id());
        }
    }
}
