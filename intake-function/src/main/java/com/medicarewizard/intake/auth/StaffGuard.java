package com.medicarewizard.intake.auth;

import com.medicarewizard.domain.staff.StaffMember;
import com.medicarewizard.domain.staff.StaffRole;
import com.medicarewizard.intake.http.Problems;
import com.medicarewizard.intake.http.Request;
import com.medicarewizard.port.StaffAccounts;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the member of staff behind a request's bearer token and admits them if their role may call the
 * operation. No token is 401; any other token that is not a live staff session (a patient's, a forged
 * one, an expired one) is 403, as is a member made inactive since (the member is read on every call,
 * so a change of role or a deactivation holds at once) or one whose role the operation does not list.
 * Staff sessions live apart from the patients', so no patient token can ever be one.
 */
public final class StaffGuard {
    private final Optional<StaffAccounts> accounts;
    private final Clock clock;

    /** @param accounts the staff's accounts; without them every staff operation is refused (403) */
    public StaffGuard(Optional<StaffAccounts> accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    public StaffMember admit(Request request, Set<StaffRole> allowed) {
        String token = BearerToken.of(request).orElseThrow(() -> Problems.unauthorized().raise());
        StaffMember member = accounts.filter(a -> BearerToken.isAccessToken(token))
                .flatMap(a -> a.session(Digests.sha256Hex(token), clock.instant()).flatMap(s -> a.find(s.staff())))
                .filter(StaffMember::canLogIn)
                .orElseThrow(() -> Problems.forbidden("This token may not call this operation.").raise());
        if (!allowed.contains(member.role())) {
            throw Problems.forbidden("Your role may not call this operation.").raise();
        }
        return member;
    }
}
