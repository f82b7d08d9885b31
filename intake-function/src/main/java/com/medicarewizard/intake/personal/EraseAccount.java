package com.medicarewizard.intake.personal;

import com.medicarewizard.domain.patient.Patient;
import com.medicarewizard.intake.auth.PasswordConfirmation;
import com.medicarewizard.intake.http.PatientRoute;
import com.medicarewizard.intake.http.Problems;
import com.medicarewizard.intake.http.Request;
import com.medicarewizard.intake.http.Response;
import com.medicarewizard.port.Patients;
import com.medicarewizard.port.Tokens;

import java.time.Clock;

/**
 * {@code POST /api/v1/me/erasure}: the patient deletes their account, confirming it with their password
 * ({@link PasswordConfirmation}); 204 once erased ({@link AccountErasure}). Their bookings ahead are
 * cancelled, their reservations kept naming no one, their token no longer works and their e-mail address
 * may register again. An erasure cut short is finished by the same call again.
 */
public record EraseAccount(Patients patients, PasswordConfirmation password, AccountErasure erasure, Clock clock)
        implements PatientRoute {

    @Override
    public Response handle(Request request, Tokens.Session session) {
        Patient patient = patients.find(session.patient()).orElseThrow(() -> Problems.unauthorized().raise());
        password.confirm(request, patient);
        erasure.erase(patient, session, clock.instant());
        return Response.noContent().noStore();
    }
}
