package com.medicarewizard.intake.patient;

import com.medicarewizard.domain.patient.Patient;
import com.medicarewizard.intake.http.PatientRoute;
import com.medicarewizard.intake.http.Problems;
import com.medicarewizard.intake.http.Request;
import com.medicarewizard.intake.http.Response;
import com.medicarewizard.port.Patients;
import com.medicarewizard.port.Tokens;

/**
 * {@code GET /api/v1/me}: the caller's own profile. Personal data is shown masked: the last four
 * characters of the tax code, the last three digits of the phone, only the year of birth.
 */
public record OwnProfile(Patients patients) implements PatientRoute {

    @Override
    public Response handle(Request request, Tokens.Session session) {
        // a token whose account is gone is as good as no token
        Patient patient = patients.find(session.patient()).orElseThrow(() -> Problems.unauthorized().raise());
        return Response.json(200, ProfileBody.of(patient)).noStore();
    }

    /** A profile with its personal data masked, and the patient's reminder wish. */
    public record ProfileBody(String id, String email, String firstName, String lastName, String phone,
                              String taxCode, String dateOfBirth, String language, boolean remindTwoHoursBefore) {
        static ProfileBody of(Patient p) {
            return new ProfileBody(p.id().value(), p.email().value(), p.firstName(), p.lastName(), p.phone().masked(),
                    p.taxCode().masked(), p.dateOfBirth().getYear() + "-**-**", p.language(), p.remindTwoHoursBefore());
        }
    }
}
