package com.medicarewizard.intake.patient;

import com.medicarewizard.domain.patient.Patient;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.staff.AuditEntry;
import com.medicarewizard.intake.auth.DeviceTokens;
import com.medicarewizard.intake.auth.PasswordHasher;
import com.medicarewizard.intake.desk.DeskBodies;
import com.medicarewizard.intake.http.JsonBody;
import com.medicarewizard.intake.http.Problem;
import com.medicarewizard.intake.http.Problems;
import com.medicarewizard.intake.http.Response;
import com.medicarewizard.intake.http.StaffRoute;
import com.medicarewizard.port.Notifications;
import com.medicarewizard.port.Patients;
import com.medicarewizard.domain.staff.StaffMember;
import com.medicarewizard.intake.http.Request;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * {@code POST /api/v1/desk/patients}: the front desk registers a patient who phoned, with the fields and
 * rules of {@code POST /api/v1/patients} but the password (201 with the patient, masked; 409 when the address
 * has an account). The account has no usable password — the hash of random bytes nobody keeps — until the
 * patient sets one through the password reset, which the e-mail sent to them in their language explains.
 * Stored with its audit entry ({@code patient.registered-by-staff}), both or neither.
 */
public record RegisterPatientByStaff(Patients patients, PasswordHasher hasher, Notifications mail, URI site,
                                     Clock clock) implements StaffRoute {
    private static final Logger LOG = LogManager.getLogger(RegisterPatientByStaff.class);

    @Override
    public Response handle(Request request, StaffMember caller) {
        Instant now = clock.instant();
        Registration form = Registration.withoutPassword(JsonBody.object(request), request,
                LocalDate.ofInstant(now, clock.getZone()));
        String unusable;
        try {
            unusable = hasher.hash(DeviceTokens.randomToken());
        } catch (PasswordHasher.BusyException busy) {
            throw Problems.busyHashing(busy.retryAfterSeconds()).raise();
        }
        Patient patient = new Patient(PatientId.random(), form.email(), unusable, form.firstName(), form.lastName(),
                form.phone(), form.taxCode(), form.dateOfBirth(), form.language(), now);
        try {
            patients.registerByStaff(patient, AuditEntry.of(caller, now, "patient.registered-by-staff",
                    "patient/" + patient.id().value(), Map.of(), Map.of("language", patient.language())));
        } catch (Patients.EmailTakenException e) {
            throw Problem.of(409, "email-taken", "Conflict", "This e-mail address already has an account.").raise();
        }
        LOG.info("patient {} registered by staff member {}", patient.id(), caller.id());
        welcome(patient);
        return Response.json(201, DeskBodies.MaskedPatient.of(patient))
                .header("Location", "/api/v1/desk/patients/" + patient.id().value()).noStore();
    }

    /** The account is made either way; a patient who got no e-mail can still ask for a code on the log-in page. */
    private void welcome(Patient patient) {
        try {
            mail.send(WelcomeMessages.madeByStaff(patient, site.resolve("/reset")));
        } catch (RuntimeException notSent) {
            LOG.warn("the welcome of patient {} was not sent ({})", patient.id(), notSent.getClass().getSimpleName());
        }
    }
}
