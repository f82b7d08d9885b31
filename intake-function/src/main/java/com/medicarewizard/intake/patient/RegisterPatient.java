package com.medicarewizard.intake.patient;

import com.medicarewizard.domain.limit.FixedWindow;
import com.medicarewizard.domain.limit.Verdict;
import com.medicarewizard.domain.patient.PasswordPolicy;
import com.medicarewizard.domain.patient.Patient;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.intake.Limits;
import com.medicarewizard.intake.auth.Digests;
import com.medicarewizard.intake.auth.PasswordHasher;
import com.medicarewizard.intake.http.JsonBody;
import com.medicarewizard.intake.http.Problem;
import com.medicarewizard.intake.http.Problems;
import com.medicarewizard.intake.http.Request;
import com.medicarewizard.intake.http.Response;
import com.medicarewizard.intake.http.Route;
import com.medicarewizard.port.Patients;
import com.medicarewizard.port.RateLimits;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * {@code POST /api/v1/patients}: registers an account (201, Location {@code /api/v1/me}, where the
 * patient reads it once logged in). One account per e-mail address is the store's conditional
 * write, not a look-up first, so two racing registrations cannot both succeed (409). A valid form
 * takes one registration of its client address and one of its e-mail address before the password
 * is hashed (429 past either): the 409 tells whether an address has an account, and these limits
 * are what bound asking. A hash refused busy (503) hands both back: it registered nothing.
 */
public record RegisterPatient(Patients patients, PasswordHasher hasher, PasswordPolicy policy, RateLimits limits,
                              Limits policies, Clock clock) implements Route {
    private static final Logger LOG = LogManager.getLogger(RegisterPatient.class);

    @Override
    public Response handle(Request request) {
        Instant now = clock.instant();
        Registration form = Registration.read(JsonBody.object(request), request, policy,
                LocalDate.ofInstant(now, clock.getZone()));
        admitted();
        String address = "register-address:" + request.clientAddress();
        String email = "register-email:" + Digests.sha256Hex(form.email().value());
        take(address, policies.registrationsPerAddress(), now);
        take(email, policies.registrationsPerEmail(), now);
        String hash;
        try {
            hash = hasher.hash(form.password());
        } catch (PasswordHasher.BusyException busy) {
            // the hashing threads filled up after admit(): nothing was registered, so nothing is counted
            limits.giveBack(address, policies.registrationsPerAddress(), now);
            limits.giveBack(email, policies.registrationsPerEmail(), now);
            throw Problems.busyHashing(busy.retryAfterSeconds()).raise();
        }
        Patient patient = new Patient(PatientId.random(), form.email(), hash,
                form.firstName(), form.lastName(), form.phone(), form.taxCode(), form.dateOfBirth(), form.language(), now);
        try {
            patients.register(patient);
        } catch (Patients.EmailTakenException e) {
            throw Problem.of(409, "email-taken", "Conflict", "This e-mail address already has an account.").raise();
        }
        LOG.info("patient {} registered", patient.id());
        return Response.json(201, new PatientBody(patient.id().value(), patient.email().value(),
                patient.firstName(), patient.lastName())).header("Location", "/api/v1/me").noStore();
    }

    private void take(String subject, FixedWindow window, Instant now) {
        if (limits.take(subject, window, now) instanceof Verdict.Refused refused) {
            throw Problems.rateLimited("too-many-registrations", "Too many registrations", refused).raise();
        }
    }

    /** A hash that would wait too long is refused before the registration is counted: the 503 costs nothing. */
    private void admitted() {
        try {
            hasher.admit();
        } catch (PasswordHasher.BusyException busy) {
            throw Problems.busyHashing(busy.retryAfterSeconds()).raise();
        }
    }

    /** The new account as the API shows it. */
    public record PatientBody(String id, String email, String firstName, String lastName) {
    }
}
