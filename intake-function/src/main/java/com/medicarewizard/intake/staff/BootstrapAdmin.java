package com.medicarewizard.intake.staff;

import com.medicarewizard.domain.patient.EmailAddress;
import com.medicarewizard.domain.staff.AuditEntry;
import com.medicarewizard.domain.staff.StaffMember;
import com.medicarewizard.domain.staff.StaffRole;
import com.medicarewizard.port.StaffAccounts;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The first administrator of an installation, without a default password: the command (the embedded
 * runtime's {@code MCW_ADMIN_EMAIL}, or the AWS command {@code BootstrapAdmin}) makes an administrator
 * account for the address with a one-time invitation and hands its link to whoever ran it, on their own
 * console. It works only while no administrator has set a password: run again before then, it sends a new
 * link for the same address (the earlier one stops working); afterwards administrators invite the others.
 */
public final class BootstrapAdmin {
    private final StaffAccounts accounts;
    private final Clock clock;

    public BootstrapAdmin(StaffAccounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /** What the command did. */
    public sealed interface Outcome {
        /** The link that sets the administrator's password, good until {@code expiresAt}. */
        record Invited(URI link, Instant expiresAt) implements Outcome {
            @Override
            public String toString() {
                return "Invited[until " + expiresAt + "]";
            }
        }

        /** Nothing done: an administrator has a password already, or the address is another member's. */
        record Refused(String why) implements Outcome {
        }
    }

    public Outcome run(EmailAddress email, String name, URI site) {
        if (accounts.all().stream().anyMatch(m -> m.isActiveAdmin() && m.passwordHash().isPresent())) {
            return new Outcome.Refused("an administrator has set a password already; administrators invite the others");
        }
        Instant now = clock.instant();
        Optional<StaffMember> existing = accounts.byEmail(email);
        if (existing.isPresent() && !existing.get().isActiveAdmin()) {
            return new Outcome.Refused("the address has a staff account that is not an active administrator");
        }
        StaffMember admin = existing.orElseGet(() -> StaffMember.invited(email, name, StaffRole.ADMIN, now));
        Invitations.Issued issued = Invitations.issue(admin.id(), now);
        AuditEntry entry = new AuditEntry(UUID.randomUUID().toString(), now, AuditEntry.BOOTSTRAP, "-",
                existing.isPresent() ? "staff.invited" : "staff.created", StaffAudit.subject(admin), Map.of(),
                existing.isPresent() ? Map.of("expiresAt", issued.invitation().expiresAt().toString())
                        : StaffAudit.fields(admin));
        if (existing.isPresent()) {
            accounts.invite(issued.invitation(), entry);
        } else {
            accounts.create(admin, issued.invitation(), entry);
        }
        return new Outcome.Invited(Invitations.link(site, issued.token()), issued.invitation().expiresAt());
    }
}
