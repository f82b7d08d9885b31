package com.medicarewizard.intake.patient;

import com.medicarewizard.intake.http.Form;
import com.medicarewizard.intake.http.JsonBody;
import com.medicarewizard.intake.http.PatientRoute;
import com.medicarewizard.intake.http.Problems;
import com.medicarewizard.intake.http.Request;
import com.medicarewizard.intake.http.Response;
import com.medicarewizard.port.Patients;
import com.medicarewizard.port.Tokens;

import java.util.Set;

/**
 * {@code PATCH /api/v1/me}: changes what a patient may change of their own profile — today whether they
 * want the reminder 2 hours before each booking ({@code {"remindTwoHoursBefore": true}}). A body without
 * it, with anything but {@code true} or {@code false}, or with another field is a 400 and changes nothing.
 * Answers the profile as {@code GET /api/v1/me} does. The wish applies to bookings already made too: the
 * reminder function reads it when the reminder is due.
 */
public record UpdateOwnProfile(Patients patients) implements PatientRoute {
    static final String REMIND_TWO_HOURS_BEFORE = "remindTwoHoursBefore";

    @Override
    public Response handle(Request request, Tokens.Session session) {
        Form form = new Form(JsonBody.object(request));
        form.onlyFields(Set.of(REMIND_TWO_HOURS_BEFORE));
        var wanted = form.requiredBoolean(REMIND_TWO_HOURS_BEFORE);
        form.check();
        // a token whose account is gone is as good as no token
        if (!patients.setRemindTwoHoursBefore(session.patient(), wanted.orElseThrow())) {
            throw Problems.unauthorized().raise();
        }
        return new OwnProfile(patients).handle(request, session);
    }
}
