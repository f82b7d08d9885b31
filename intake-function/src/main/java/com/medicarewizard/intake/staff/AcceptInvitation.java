package com.medicarewizard.intake.staff;

import com.medicarewizard.domain.patient.PasswordPolicy;
import com.medicarewizard.domain.staff.AuditEntry;
import com.medicarewizard.domain.staff.StaffId;
import com.medicarewizard.domain.staff.StaffMember;
import com.medicarewizard.intake.auth.PasswordCheck;
import com.medicarewizard.intake.http.Form;
import com.medicarewizard.intake.http.JsonBody;
import com.medicarewizard.intake.http.Problem;
import com.medicarewizard.intake.http.Request;
import com.medicarewizard.intake.http.Response;
import com.medicarewizard.intake.http.Route;
import com.medicarewizard.port.StaffAccounts;
import com.medicarewizard.port.StaffAccounts.Invitation;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/v1/staff/invitation}: the token of an invitation and a new password (held to the
 * patients' {@link PasswordPolicy}) set the member's password, once: the password and the invitation's
 * removal are one write with its audit entry. A wrong, expired, used or replaced token, and one of an
 * inactive member, are the same 400 {@code invalid-invitation}; the token is 256 random bits, so guessing
 * needs no throttle, and no hash is computed before the token is found good.
 */
public final class AcceptInvitation implements Route {
    private static final Logger LOG = LogManager.getLogger(AcceptInvitation.class);
    private static final int MAX_TOKEN_LENGTH = 128;
    private static final int MAX_PASSWORD_LENGTH = 1024;
    private final StaffAccounts accounts;
    private final PasswordCheck check;
    private final PasswordPolicy policy;
    private final Clock clock;

    public AcceptInvitation(StaffAccounts accounts, PasswordCheck check, PasswordPolicy policy, Clock clock) {
        this.accounts = accounts;
        this.check = check;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Response handle(Request request) {
        Form form = new Form(JsonBody.object(request));
        Optional<String> token = form.required("token", MAX_TOKEN_LENGTH);
        Optional<String> password = form.required("password", MAX_PASSWORD_LENGTH);
        form.check();
        Instant now = clock.instant();
        Optional<StaffId> staff = Invitations.staffOf(token.orElseThrow());
        Optional<StaffMember> member = staff.flatMap(accounts::find).filter(StaffMember::active);
        Optional<Invitation> invitation = staff.flatMap(id -> accounts.invitation(id, now))
                .filter(i -> Invitations.matches(i, token.get()));
        if (member.isEmpty() || invitation.isEmpty()) {
            throw invalidInvitation().raise();
        }
        policy.weakness(password.orElseThrow(), member.get().email().value())
                .ifPresent(weak -> {
                    form.reject("password", weak.message(), weak.code());
                    form.check();
                });
        String hash = check.hashOf(password.get());
        AuditEntry entry = AuditEntry.of(member.get(), now, "staff.password-set", StaffAudit.subject(member.get()),
                Map.of(), Map.of());
        if (!accounts.accept(invitation.get(), member.get(), hash, entry)) {
            throw invalidInvitation().raise();
        }
        LOG.info("staff member {} set a password with an invitation", member.get().id());
        return Response.noContent().noStore();
    }

    static Problem invalidInvitation() {
        return Problem.of(400, "invalid-invitation", "Bad Request",
                "This invitation is wrong, has expired or was already used; ask an administrator for a new one.");
    }
}
