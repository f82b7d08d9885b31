package com.medicarewizard.intake.reservation;

import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.center.ExamType;
import com.medicarewizard.domain.center.Site;
import com.medicarewizard.domain.notification.CalendarInvite;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.intake.http.PatientRoute;
import com.medicarewizard.intake.http.Problem;
import com.medicarewizard.intake.http.Request;
import com.medicarewizard.intake.http.Response;
import com.medicarewizard.port.CenterCatalog;
import com.medicarewizard.port.Reservations;
import com.medicarewizard.port.Tokens;

/**
 * {@code GET /api/v1/reservations/{id}/calendar}: the calendar file of an own CONFIRMED
 * reservation, built by the same {@link CalendarInvite} as the confirmation e-mail's attachment.
 * Another patient's (or no) reservation is 404; one that is not CONFIRMED is 409.
 */
public record ReservationCalendar(CenterCatalog catalog, Reservations reservations) implements PatientRoute {

    @Override
    public Response handle(Request request, Tokens.Session session) {
        Reservation own = ReadReservations.own(reservations, request, session.patient());
        if (own.status() != ReservationStatus.CONFIRMED) {
            throw Problem.of(409, "not-confirmed", "Conflict",
                    "Only a confirmed reservation has a calendar file; this one is " + own.status() + ".").raise();
        }
        Center center = catalog.current();
        ExamType exam = center.examType(own.examType()).orElseThrow(() -> gone("exam type"));
        Site site = center.site(own.site()).orElseThrow(() -> gone("site"));
        String ics = CalendarInvite.of(own, exam, site, exam.name(), exam.preparation());
        return Response.text(200, CalendarInvite.CONTENT_TYPE, ics)
                .header("Content-Disposition", "attachment; filename=\"" + CalendarInvite.FILE_NAME + "\"")
                .noStore();
    }

    private static RuntimeException gone(String what) {
        return Problem.of(409, "no-longer-offered", "Conflict",
                "The " + what + " of this reservation is no longer in the catalogue.").raise();
    }
}
