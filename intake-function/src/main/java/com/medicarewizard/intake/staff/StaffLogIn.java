package com.medicarewizard.intake.staff;

import com.medicarewizard.domain.patient.EmailAddress;
import com.medicarewizard.domain.staff.AuditEntry;
import com.medicarewizard.domain.staff.StaffMember;
import com.medicarewizard.intake.auth.DeviceTokens;
import com.medicarewizard.intake.auth.Digests;
import com.medicarewizard.intake.auth.IssueToken;
import com.medicarewizard.intake.auth.LoginThrottle;
import com.medicarewizard.intake.auth.PasswordCheck;
import com.medicarewizard.intake.http.Form;
import com.medicarewizard.intake.http.JsonBody;
import com.medicarewizard.intake.http.Request;
import com.medicarewizard.intake.http.Response;
import com.medicarewizard.intake.http.Route;
import com.medicarewizard.port.AuditTrail;
import com.medicarewizard.port.StaffAccounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/v1/staff/auth/token}: a member of staff's e-mail and password for a bearer token of
 * {@link #LIFETIME}, with the patients' protections: the staff's own {@link LoginThrottle} takes the
 * attempt before the check, and an unknown address, a wrong password, a member without a password yet and
 * an inactive one all get the same 401 after the same {@link PasswordCheck}. Each log-in is in the audit trail.
 */
public final class StaffLogIn implements Route {
    /** A working day and a little more: a front desk logs in once a shift. */
    public static final Duration LIFETIME = Duration.ofHours(10);
    private static final int MAX_PASSWORD_LENGTH = 1024;
    private final StaffAccounts accounts;
    private final AuditTrail audit;
    private final PasswordCheck check;
    private final LoginThrottle throttle;
    private final Clock clock;

    public StaffLogIn(StaffAccounts accounts, AuditTrail audit, PasswordCheck check, LoginThrottle throttle,
                      Clock clock) {
        this.accounts = accounts;
        this.audit = audit;
        this.check = check;
        this.throttle = throttle;
        this.clock = clock;
    }

    @Override
    public Response handle(Request request) {
        Form form = new Form(JsonBody.object(request));
        Optional<EmailAddress> email = form.email("email");
        Optional<String> password = form.required("password", MAX_PASSWORD_LENGTH);
        form.check();
        Instant now = clock.instant();
        Optional<StaffMember> member = accounts.byEmail(email.orElseThrow()).filter(StaffMember::canLogIn);
        check.admit();
        LoginThrottle.Attempt attempt = throttle.begin(email.get(), request.clientAddress(), Optional.empty(), now);
        if (!check.matches(password.orElseThrow(), member.flatMap(StaffMember::passwordHash), attempt)) {
            throw IssueToken.invalidCredentials().raise();
        }
        attempt.succeeded();
        String token = DeviceTokens.randomToken();
        audit.record(AuditEntry.of(member.get(), now, "staff.logged-in", StaffAudit.subject(member.get()), Map.of(),
                Map.of()));
        accounts.storeSession(new StaffAccounts.Session(Digests.sha256Hex(token), member.get().id(), now,
                now.plus(LIFETIME)));
        return Response.json(200, new TokenBody(token, "Bearer", LIFETIME.toSeconds(), member.get().role().wire()))
                .noStore();
    }

    /** The answer: the token, and the member's role (which pages to show). */
    public record TokenBody(String accessToken, String tokenType, long expiresIn, String role) {
    }

}
