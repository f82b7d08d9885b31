package com.medicarewizard.intake.reservation;

import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.intake.http.PatientRoute;
import com.medicarewizard.intake.http.Problems;
import com.medicarewizard.intake.http.Request;
import com.medicarewizard.intake.http.Response;
import com.medicarewizard.port.CenterCatalog;
import com.medicarewizard.port.Reservations;

import java.util.Optional;

/**
 * The caller's own reservations: {@link #one()} for {@code GET /api/v1/reservations/{id}} and
 * {@link #all()} for {@code GET /api/v1/reservations}. Another patient's reservation, a missing
 * one and a malformed id get one and the same 404.
 */
public record ReadReservations(Reservations reservations, CenterCatalog catalog) {

    public PatientRoute one() {
        return (request, session) -> {
            Reservation own = own(reservations, request, session.patient());
            return Response.json(200, ReservationBody.of(own, catalog.current())).noStore();
        };
    }

    public PatientRoute all() {
        return (request, session) -> {
            var center = catalog.current();
            var list = reservations.ofPatient(session.patient()).stream()
                    .map(r -> ReservationBody.of(r, center)).toList();
            return Response.json(200, list).noStore();
        };
    }

    /** The reservation named by the path, if it is the patient's; otherwise 404. */
    static Reservation own(Reservations reservations, Request request, PatientId patient) {
        Optional<ReservationId> id = request.pathParameter("id").flatMap(ReservationId::parse);
        return id.flatMap(reservations::find)
                .filter(r -> r.patient().equals(patient))
                .orElseThrow(() -> Problems.notFound().raise());
    }
}
