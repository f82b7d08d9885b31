package com.medicarewizard.intake.auth;

import com.medicarewizard.intake.http.PatientRoute;
import com.medicarewizard.intake.http.Request;
import com.medicarewizard.intake.http.Response;
import com.medicarewizard.port.Tokens;

/** {@code POST /api/v1/auth/logout}: revokes the token of the call at once (204). */
public record Logout(Tokens tokens) implements PatientRoute {

    @Override
    public Response handle(Request request, Tokens.Session session) {
        tokens.revoke(session.tokenHash());
        return Response.noContent().noStore();
    }
}
