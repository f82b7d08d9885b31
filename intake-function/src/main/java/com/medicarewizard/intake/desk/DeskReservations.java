package com.medicarewizard.intake.desk;

import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.desk.DeskMark;
import com.medicarewizard.domain.patient.Patient;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.staff.AuditEntry;
import com.medicarewizard.domain.staff.StaffMember;
import com.medicarewizard.intake.http.Response;
import com.medicarewizard.intake.http.StaffRoute;
import com.medicarewizard.intake.reservation.CancelReservation;
import com.medicarewizard.intake.reservation.ReadReservations;
import com.medicarewizard.intake.reservation.RequestReservation;
import com.medicarewizard.port.CenterCatalog;
import com.medicarewizard.port.DeskMarks;
import com.medicarewizard.port.Patients;
import com.medicarewizard.port.Reservations;
import com.medicarewizard.port.Tokens;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The front desk booking and cancelling for a patient, through the patient's own use cases with the patient
 * as the caller — the same validation, limits, idempotency, queue and allocator — and marking each booking or
 * cancellation as staff's ({@link DeskMarks}), with its audit entry ({@code reservation.booked-for-patient},
 * {@code reservation.cancelled-for-patient}). The mark follows the request: should it fail, the request stands,
 * and the same booking again (with the same {@code Idempotency-Key}) writes it. A cancellation is marked before
 * its command goes on the queue, since the same call again finds it already recorded and marks nothing: a queue
 * that refuses the command (503) then loses no entry.
 */
public final class DeskReservations {
    private final Patients patients;
    private final Reservations reservations;
    private final DeskMarks marks;
    private final CenterCatalog catalog;
    private final RequestReservation request;
    private final CancelReservation cancel;
    private final ReadReservations reads;
    private final Clock clock;

    public DeskReservations(Patients patients, Reservations reservations, DeskMarks marks, CenterCatalog catalog,
                            RequestReservation request, CancelReservation cancel, ReadReservations reads,
                            Clock clock) {
        this.patients = patients;
        this.reservations = reservations;
        this.marks = marks;
        this.catalog = catalog;
        this.request = request;
        this.cancel = cancel;
        this.reads = reads;
        this.clock = clock;
    }

    /** {@code POST /api/v1/desk/patients/{patient}/reservations}: 202 as the patient's own request, marked. */
    public StaffRoute book() {
        return (http, caller) -> {
            Patient patient = DeskPatients.patient(patients, http);
            Reservation reservation = request.request(http, patient.id()).reservation();
            mark(reservation, caller, "reservation.booked-for-patient", marks::markBooked);
            return answer(202, reservation).header("Location",
                    "/api/v1/desk/patients/" + patient.id().value() + "/reservations/" + reservation.id()).noStore();
        };
    }

    /** {@code DELETE /api/v1/desk/patients/{patient}/reservations/{id}}: 202 as the patient's own, marked. */
    public StaffRoute cancel() {
        return (http, caller) -> {
            Patient patient = DeskPatients.patient(patients, http);
            CancelReservation.Outcome outcome = cancel.record(http, patient.id());
            if (outcome.recorded()) {
                mark(outcome.reservation(), caller, "reservation.cancelled-for-patient", marks::markCancelled);
            }
            cancel.passOn(outcome);
            return answer(202, outcome.reservation()).noStore();
        };
    }

    /** {@code GET /api/v1/desk/patients/{patient}/reservations}: theirs, newest start first, with the desk's marks. */
    public StaffRoute list() {
        return (http, caller) -> {
            Patient patient = DeskPatients.patient(patients, http);
            List<Reservation> all = reservations.ofPatient(patient.id());
            Map<ReservationId, DeskMark> found = marksOf(marks, all.stream().map(Reservation::id).toList());
            Center center = catalog.current();
            return Response.json(200, all.stream().map(r -> DeskBodies.DeskReservation.of(r, center,
                    Optional.ofNullable(found.get(r.id())))).toList()).noStore();
        };
    }

    /**
     * {@code GET /api/v1/desk/patients/{patient}/reservations/{id}}: one of theirs as they read it themselves,
     * {@code Prefer: wait} included.
     */
    public StaffRoute one() {
        return (http, caller) -> {
            Patient patient = DeskPatients.patient(patients, http);
            return reads.one().handle(http, actingFor(patient));
        };
    }

    /** The patient as the caller of their own use cases: only the patient is read from it. */
    private Tokens.Session actingFor(Patient patient) {
        Instant now = clock.instant();
        return new Tokens.Session("front-desk", patient.id(), now, now);
    }

    /** The marks of those of the reservations that have one, read {@link DeskMarks#MAX_FIND_ALL} at a time. */
    static Map<ReservationId, DeskMark> marksOf(DeskMarks marks, List<ReservationId> ids) {
        Map<ReservationId, DeskMark> found = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += DeskMarks.MAX_FIND_ALL) {
            found.putAll(marks.findAll(new ArrayList<>(ids.subList(from,
                    Math.min(ids.size(), from + DeskMarks.MAX_FIND_ALL)))));
        }
        return found;
    }

    private void mark(Reservation r, StaffMember caller, String action, Marker marker) {
        Instant now = clock.instant();
        marker.mark(r.id(), DeskMark.Act.of(caller, now), AuditEntry.of(caller, now, action,
                "reservation/" + r.id(), Map.of(), Map.of("patient", r.patient().value(),
                        "examType", r.examType().value(), "site", r.site().value(), "start", r.start().toString())));
    }

    private Response answer(int status, Reservation r) {
        return Response.json(status, DeskBodies.DeskReservation.of(r, catalog.current(), marks.find(r.id())));
    }

    @FunctionalInterface
    private interface Marker {
        boolean mark(ReservationId reservation, DeskMark.Act by, AuditEntry audit);
    }
}
