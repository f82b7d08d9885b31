package com.medicarewizard.intake.reservation;

import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.intake.http.PatientRoute;
import com.medicarewizard.intake.http.Problem;
import com.medicarewizard.intake.http.Problems;
import com.medicarewizard.intake.http.Request;
import com.medicarewizard.intake.http.Response;
import com.medicarewizard.port.CenterCatalog;
import com.medicarewizard.port.ReservationQueue;
import com.medicarewizard.port.Reservations;
import com.medicarewizard.port.Tokens;

import java.time.Clock;
import java.time.Instant;

/**
 * {@code DELETE /api/v1/reservations/{id}}: records the patient's request to cancel on the
 * reservation (one write, conditional on the patient and on the reservation still being PENDING or
 * CONFIRMED) and only then asks the allocator to release the time; 202. The allocator cancels
 * nothing without that record, so a CANCEL command that reached the queue some other way changes
 * nothing. Cancelling a CANCELLED reservation is 202 again; a started or REJECTED one is 409.
 */
public record CancelReservation(CenterCatalog catalog, Reservations reservations, ReservationQueue queue,
                                Clock clock) implements PatientRoute {
    @Override
    public Response handle(Request request, Tokens.Session session) {
        return Response.json(202, ReservationBody.of(cancel(request, session.patient()).reservation(),
                catalog.current())).noStore();
    }

    /**
     * What {@link #handle} does for {@code patient}: {@link #record}, then {@link #passOn}; the reservation as
     * stored afterwards, and whether this call recorded the request to cancel it.
     */
    public Outcome cancel(Request request, PatientId patient) {
        Outcome outcome = record(request, patient);
        passOn(outcome);
        return outcome;
    }

    /**
     * Records {@code patient}'s request to cancel, without yet asking the allocator: the front desk writes its
     * mark between the two, so a queue that refuses the command (503, the same call again) cannot lose it.
     */
    public Outcome record(Request request, PatientId patient) {
        Reservation current = ReadReservations.own(reservations, request, patient);
        if (current.status() == ReservationStatus.CANCELLED) {
            return new Outcome(current, false);
        }
        Instant now = clock.instant();
        refuseUncancellable(current, now);
        // the allocator may have decided it since it was read: the write answers what is stored now
        Reservation stored = reservations.recordCancelRequest(current.id(), patient, now)
                .orElseThrow(() -> Problems.notFound().raise());
        refuseUncancellable(stored, now);
        return new Outcome(stored, current.cancelRequestedAt().isEmpty() && stored.cancelRequestedAt().isPresent());
    }

    /** Asks the allocator to carry out a recorded cancellation; 503 when the queue refuses it. */
    public void passOn(Outcome outcome) {
        if (outcome.reservation().isCancellable()) {
            CancelCommand.send(queue, outcome.reservation());
        }
    }

    /** A cancellation's outcome: the reservation as stored, and whether this call recorded the request. */
    public record Outcome(Reservation reservation, boolean recorded) {
    }

    private static void refuseUncancellable(Reservation reservation, Instant now) {
        if (reservation.status() == ReservationStatus.REJECTED) {
            throw conflict("not-cancellable", "A rejected reservation cannot be cancelled.").raise();
        }
        if (reservation.status() != ReservationStatus.CANCELLED && reservation.hasStarted(now)) {
            throw conflict("already-started", "The exam has already started.").raise();
        }
    }

    private static Problem conflict(String code, String detail) {
        return Problem.of(409, code, "Conflict", detail);
    }
}
