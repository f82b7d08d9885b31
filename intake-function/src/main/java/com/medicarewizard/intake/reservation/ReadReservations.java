package com.medicarewizard.intake.reservation;

import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.intake.Intake;
import com.medicarewizard.intake.auth.Authenticator;
import com.medicarewizard.intake.http.Problems;
import com.medicarewizard.intake.http.Request;
import com.medicarewizard.intake.http.Response;
import com.medicarewizard.intake.http.Route;

import java.util.Optional;

/**
 * The caller's own reservations: {@link #one()} for {@code GET /api/v1/reservations/{id}} and
 * {@link #all()} for {@code GET /api/v1/reservations}. Another patient's reservation, a missing
 * one and a malformed id get one and the same 404.
 */
public final class ReadReservations {
    private final Intake intake;
    private final Authenticator authenticator;

    public ReadReservations(Intake intake) {
        this.intake = intake;
        this.authenticator = new Authenticator(intake.tokens(), intake.clock());
    }

    public Route one() {
        return request -> {
            PatientId patient = authenticator.authenticate(request).patient();
            Reservation own = own(intake, request, patient);
            return Response.json(200, ReservationBody.of(own, intake.catalog().current())).noStore();
        };
    }

    public Route all() {
        return request -> {
            PatientId patient = authenticator.authenticate(request).patient();
            var center = intake.catalog().current();
            var list = intake.reservations().ofPatient(patient).stream()
                    .map(r -> ReservationBody.of(r, center)).toList();
            return Response.json(200, list).noStore();
        };
    }

    /** The reservation named by the path, if it is the patient's; otherwise 404. */
    static Reservation own(Intake intake, Request request, PatientId patient) {
        Optional<ReservationId> id = request.pathParameter("id").flatMap(ReservationId::parse);
        return id.flatMap(intake.reservations()::find)
                .filter(r -> r.patient().equals(patient))
                .orElseThrow(() -> Problems.notFound().raise());
    }
}
