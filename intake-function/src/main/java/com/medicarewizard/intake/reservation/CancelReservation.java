package com.medicarewizard.intake.reservation;

import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.intake.http.PatientRoute;
import com.medicarewizard.intake.http.Problem;
import com.medicarewizard.intake.http.Request;
import com.medicarewizard.intake.http.Response;
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
 * {@code DELETE /api/v1/reservations/{id}}: records the patient's wish to cancel (a conditional
 * update, retried once when the allocator changed it meanwhile) and asks the allocator to release
 * the time; 202. Cancelling a CANCELLED reservation is 202 again; a started or REJECTED one is 409.
 */
public record CancelReservation(CenterCatalog catalog, Reservations reservations, ReservationQueue queue,
                                Clock clock) implements PatientRoute {
    private static final Logger LOG = LogManager.getLogger(CancelReservation.class);

    @Override
    public Response handle(Request request, Tokens.Session session) {
        Reservation current = ReadReservations.own(reservations, request, session.patient());
        Instant now = clock.instant();
        Reservation stored = recordWish(current, now);
        if (stored.isCancellable()) {
            enqueueCancel(stored);
        }
        return Response.json(202, ReservationBody.of(stored, catalog.current())).noStore();
    }

    /** The allocator may decide the reservation while we write: one retry on what it stored. */
    private Reservation recordWish(Reservation current, Instant now) {
        try {
            return requestCancellation(current, now);
        } catch (Reservations.ConcurrentChangeException first) {
            try {
                return requestCancellation(first.current().orElse(current), now);
            } catch (Reservations.ConcurrentChangeException second) {
                throw conflict("concurrent-change", "The reservation changed meanwhile; please try again.").raise();
            }
        }
    }

    /** The reservation with the wish recorded, or as it is when nothing needs storing. */
    private Reservation requestCancellation(Reservation current, Instant now) {
        if (current.status() == ReservationStatus.CANCELLED) {
            return current;
        }
        if (current.status() == ReservationStatus.REJECTED) {
            throw conflict("not-cancellable", "A rejected reservation cannot be cancelled.").raise();
        }
        if (current.hasStarted(now)) {
            throw conflict("already-started", "The exam has already started.").raise();
        }
        if (current.cancelRequestedAt().isPresent()) {
            return current;
        }
        return reservations.update(current.requestCancellation(now));
    }

    private void enqueueCancel(Reservation reservation) {
        try {
            queue.send(new ReservationCommand(ReservationCommand.Type.CANCEL, reservation.id(),
                    reservation.correlationId()));
            LOG.info("cancellation of reservation {} queued", reservation.id());
        } catch (ReservationQueue.QueueUnavailableException e) {
            LOG.warn("cancellation of reservation {} recorded but not queued; the sweeper will re-send it",
                    reservation.id());
        }
    }

    private static Problem conflict(String code, String detail) {
        return Problem.of(409, code, "Conflict", detail);
    }
}
