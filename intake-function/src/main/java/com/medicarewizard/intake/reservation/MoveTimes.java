package com.medicarewizard.intake.reservation;

import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.intake.catalog.QueryAvailability;
import com.medicarewizard.intake.http.PatientRoute;
import com.medicarewizard.intake.http.Problem;
import com.medicarewizard.intake.http.Request;
import com.medicarewizard.intake.http.Response;
import com.medicarewizard.port.Reservations;
import com.medicarewizard.port.Tokens;

import java.time.Clock;

/**
 * {@code GET /api/v1/reservations/{id}/move-times}: where the patient's CONFIRMED booking {@code id} can
 * be moved, asked as availability is ({@code from}, {@code to}, {@code site}, {@code firstFree}) for its
 * own exam. Public availability counts the booking's own cells as taken, so at a site with one room
 * "a quarter of an hour later" would never be offered, though the allocator can make that move
 * (it takes the shared cells over): here they count as free. 404 when not the caller's; 409
 * {@code not-movable} when it is not a confirmed booking ahead, not being cancelled.
 */
public record MoveTimes(QueryAvailability availability, Reservations reservations, Clock clock)
        implements PatientRoute {

    @Override
    public Response handle(Request request, Tokens.Session session) {
        Reservation current = ReadReservations.own(reservations, request, session.patient());
        if (current.status() != ReservationStatus.CONFIRMED || current.cancelRequestedAt().isPresent()
                || current.hasStarted(clock.instant())) {
            throw Problem.of(409, "not-movable", "Conflict",
                    "Only a confirmed booking ahead that is not being cancelled can be moved.").raise();
        }
        return Response.json(200, availability.forMove(request, current)).noStore();
    }
}
