package com.medicarewizard.intake.desk;

import com.medicarewizard.domain.patient.EmailAddress;
import com.medicarewizard.domain.patient.Patient;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.staff.AuditEntry;
import com.medicarewizard.intake.http.Problems;
import com.medicarewizard.intake.http.Request;
import com.medicarewizard.intake.http.Response;
import com.medicarewizard.intake.http.StaffRoute;
import com.medicarewizard.port.AuditTrail;
import com.medicarewizard.port.Patients;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The front desk finding a patient: by exact e-mail address, answered with the contact data masked
 * ({@link DeskBodies.MaskedPatient}); and opening one on purpose, with a reason, answered in full and written
 * to the audit trail ({@code patient.opened}). Nothing else shows a patient's contact data unmasked to staff.
 */
public final class DeskPatients {
    /** The longest reason for opening a patient: a few words, not a case note. */
    static final int MAX_REASON = 200;
    private final Patients patients;
    private final AuditTrail audit;
    private final Clock clock;

    public DeskPatients(Patients patients, AuditTrail audit, Clock clock) {
        this.patients = patients;
        this.audit = audit;
        this.clock = clock;
    }

    /** {@code GET /api/v1/desk/patients?email=}: the patient with that address, masked, or none. */
    public StaffRoute find() {
        return (request, caller) -> {
            String text = request.query("email").map(String::strip).filter(e -> !e.isEmpty())
                    .orElseThrow(() -> Problems.validation("email", "is required").raise());
            EmailAddress email;
            try {
                email = new EmailAddress(text);
            } catch (IllegalArgumentException notAMailbox) {
                throw Problems.validation("email", "must be a valid e-mail address").raise();
            }
            List<DeskBodies.MaskedPatient> found = patients.byEmail(email).map(DeskBodies.MaskedPatient::of).stream()
                    .toList();
            return Response.json(200, found).noStore();
        };
    }

    /** {@code GET /api/v1/desk/patients/{patient}?reason=}: the patient in full, the opening audited. */
    public StaffRoute open() {
        return (request, caller) -> {
            String reason = reason(request);
            Patient patient = patient(patients, request);
            audit.record(AuditEntry.of(caller, clock.instant(), "patient.opened", "patient/" + patient.id().value(),
                    Map.of(), Map.of("reason", reason)));
            return Response.json(200, DeskBodies.OpenedPatient.of(patient)).noStore();
        };
    }

    /** The patient the path names; 404 for a malformed or unknown id. */
    static Patient patient(Patients patients, Request request) {
        return request.pathParameter("patient").flatMap(DeskPatients::patientId).flatMap(patients::find)
                .orElseThrow(() -> Problems.notFound().raise());
    }

    private static Optional<PatientId> patientId(String text) {
        try {
            return Optional.of(new PatientId(text));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private static String reason(Request request) {
        String reason = request.query("reason").map(String::strip).orElse("");
        if (reason.length() < 3 || reason.codePointCount(0, reason.length()) > MAX_REASON) {
            throw Problems.validation("reason", "say why you open the patient, in 3 to " + MAX_REASON + " characters")
                    .raise();
        }
        if (reason.codePoints().anyMatch(Character::isISOControl)) {
            throw Problems.validation("reason", "must not contain control characters").raise();
        }
        return reason;
    }
}
