package com.medicarewizard.intake.auth;

import com.medicarewizard.intake.Intake;
import com.medicarewizard.intake.http.Request;
import com.medicarewizard.intake.http.Response;
import com.medicarewizard.intake.http.Route;

/** {@code POST /api/v1/auth/logout}: revokes the token of the call at once (204). */
public final class Logout implements Route {
    private final Intake intake;
    private final Authenticator authenticator;

    public Logout(Intake intake) {
        this.intake = intake;
        this.authenticator = new Authenticator(intake.tokens(), intake.clock());
    }

    @Override
    public Response handle(Request request) {
        var session = authenticator.authenticate(request);
        intake.tokens().revoke(session.tokenHash());
        return Response.noContent().noStore();
    }
}
