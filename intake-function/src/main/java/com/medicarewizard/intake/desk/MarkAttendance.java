package com.medicarewizard.intake.desk;

import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.desk.Attendance;
import com.medicarewizard.domain.desk.DeskMark;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.domain.staff.AuditEntry;
import com.medicarewizard.domain.staff.StaffMember;
import com.medicarewizard.intake.http.Form;
import com.medicarewizard.intake.http.JsonBody;
import com.medicarewizard.intake.http.Problem;
import com.medicarewizard.intake.http.Problems;
import com.medicarewizard.intake.http.Request;
import com.medicarewizard.intake.http.Response;
import com.medicarewizard.intake.http.StaffRoute;
import com.medicarewizard.port.CenterCatalog;
import com.medicarewizard.port.DeskMarks;
import com.medicarewizard.port.Reservations;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * {@code PUT /api/v1/desk/reservations/{id}/attendance}: the front desk marks whether the patient of a
 * CONFIRMED booking came ({@code ARRIVED}, {@code NO_SHOW}), on its day (in its site's zone) or later; a
 * no-show only once it has started (409 otherwise). The latest mark counts; each is in the audit trail.
 */
public record MarkAttendance(Reservations reservations, DeskMarks marks, CenterCatalog catalog, Clock clock)
        implements StaffRoute {

    @Override
    public Response handle(Request request, StaffMember caller) {
        Form form = new Form(JsonBody.object(request));
        Optional<String> text = form.required("attendance", 20);
        Optional<Attendance> attendance = text.flatMap(Attendance::parse);
        if (text.isPresent() && attendance.isEmpty()) {
            form.reject("attendance", "must be ARRIVED or NO_SHOW");
        }
        form.check();
        Reservation reservation = request.pathParameter("id").flatMap(ReservationId::parse)
                .flatMap(reservations::find).orElseThrow(() -> Problems.notFound().raise());
        Instant now = clock.instant();
        refuseOutOfTime(reservation, attendance.orElseThrow(), now);
        Optional<DeskMark> before = marks.find(reservation.id());
        Map<String, String> was = before.flatMap(DeskMark::attendance).map(a -> Map.of("attendance", a.name()))
                .orElse(Map.of());
        marks.markAttendance(reservation.id(), attendance.get(), DeskMark.Act.of(caller, now),
                AuditEntry.of(caller, now, "reservation.attendance-marked", "reservation/" + reservation.id(), was,
                        Map.of("attendance", attendance.get().name(), "patient", reservation.patient().value())));
        Center center = catalog.current();
        return Response.json(200, DeskBodies.DeskReservation.of(reservation, center, marks.find(reservation.id())))
                .noStore();
    }

    private void refuseOutOfTime(Reservation reservation, Attendance attendance, Instant now) {
        if (reservation.status() != ReservationStatus.CONFIRMED) {
            throw conflict("not-confirmed", "Only a confirmed booking has an attendance.").raise();
        }
        ZoneId zone = Zones.of(reservation, catalog.current());
        if (LocalDate.ofInstant(reservation.start(), zone).isAfter(LocalDate.ofInstant(now, zone))) {
            throw conflict("not-yet", "Attendance is marked on the booking's day or later.").raise();
        }
        if (attendance == Attendance.NO_SHOW && !reservation.hasStarted(now)) {
            throw conflict("not-started", "A patient is marked not shown only once the booking has started.")
                    .raise();
        }
    }

    private static Problem conflict(String code, String detail) {
        return Problem.of(409, code, "Conflict", detail);
    }
}
