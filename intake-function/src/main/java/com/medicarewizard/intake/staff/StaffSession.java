package com.medicarewizard.intake.staff;

import com.medicarewizard.domain.staff.AuditEntry;
import com.medicarewizard.domain.staff.StaffMember;
import com.medicarewizard.intake.auth.BearerToken;
import com.medicarewizard.intake.auth.Digests;
import com.medicarewizard.intake.http.Request;
import com.medicarewizard.intake.http.Response;
import com.medicarewizard.intake.http.StaffRoute;
import com.medicarewizard.port.AuditTrail;
import com.medicarewizard.port.StaffAccounts;

import java.time.Clock;
import java.util.Map;

/** A member of staff's own session: who they are ({@code GET /api/v1/staff/me}), and logging out. */
public final class StaffSession {
    private final StaffAccounts accounts;
    private final AuditTrail audit;
    private final Clock clock;

    public StaffSession(StaffAccounts accounts, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    public StaffRoute self() {
        return (request, caller) -> Response.json(200, StaffBody.of(caller)).noStore();
    }

    /** {@code POST /api/v1/staff/auth/logout}: 204, and the token no longer works. */
    public StaffRoute logout() {
        return (Request request, StaffMember caller) -> {
            accounts.revokeSession(Digests.sha256Hex(BearerToken.of(request).orElseThrow()));
            audit.record(AuditEntry.of(caller, clock.instant(), "staff.logged-out", StaffAudit.subject(caller),
                    Map.of(), Map.of()));
            return Response.noContent().noStore();
        };
    }
}
