package com.medicarewizard.intake.waitlist;

import com.medicarewizard.domain.waitlist.WaitlistEntry;
import com.medicarewizard.intake.http.PatientRoute;
import com.medicarewizard.intake.http.Problems;
import com.medicarewizard.intake.http.Request;
import com.medicarewizard.intake.http.Response;
import com.medicarewizard.port.Tokens;
import com.medicarewizard.port.Waitlist;

/**
 * {@code GET /api/v1/waitlist}: the patient's entries, oldest first; {@code DELETE /api/v1/waitlist/{id}}
 * ({@link #leave()}): leaves one, 204; another patient's or an unknown id is 404.
 */
public record OwnWaitlist(Waitlist waitlist) implements PatientRoute {
    @Override
    public Response handle(Request request, Tokens.Session session) {
        return Response.json(200, waitlist.ofPatient(session.patient()).stream().map(WaitlistBody::of).toList())
                .noStore();
    }

    /** The route leaving one entry. */
    public PatientRoute leave() {
        return (request, session) -> {
            String id = request.pathParameter("id").flatMap(WaitlistEntry::parseId)
                    .orElseThrow(() -> Problems.notFound().raise());
            if (!waitlist.leave(session.patient(), id)) {
                throw Problems.notFound().raise();
            }
            return Response.noContent();
        };
    }
}
