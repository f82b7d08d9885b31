package com.medicarewizard.intake.staff;

import com.medicarewizard.domain.patient.EmailAddress;
import com.medicarewizard.domain.staff.AuditEntry;
import com.medicarewizard.domain.staff.StaffId;
import com.medicarewizard.domain.staff.StaffMember;
import com.medicarewizard.domain.staff.StaffRole;
import com.medicarewizard.intake.http.Form;
import com.medicarewizard.intake.http.JsonBody;
import com.medicarewizard.intake.http.Problem;
import com.medicarewizard.intake.http.Problems;
import com.medicarewizard.intake.http.Request;
import com.medicarewizard.intake.http.Response;
import com.medicarewizard.intake.http.StaffRoute;
import com.medicarewizard.port.Notifications;
import com.medicarewizard.port.StaffAccounts;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The administrators' routes over the staff accounts: list them, create one (the invitation goes to the
 * new member's address, never to the administrator), change a role or whether a member is active, and
 * send a new invitation (a forgotten password). Each change is written with its audit entry. The last
 * active administrator cannot be demoted or made inactive (409 {@code last-admin}): the center would have
 * no one left to run it.
 */
public final class StaffAdministration {
    private static final Logger LOG = LogManager.getLogger(StaffAdministration.class);
    private static final String ROLES = Arrays.stream(StaffRole.values()).map(StaffRole::wire)
            .collect(Collectors.joining(", "));
    private final StaffAccounts accounts;
    private final Notifications mail;
    private final URI site;
    private final Clock clock;

    public StaffAdministration(StaffAccounts accounts, Notifications mail, URI site, Clock clock) {
        this.accounts = accounts;
        this.mail = mail;
        this.site = site;
        this.clock = clock;
    }

    /** {@code GET /api/v1/admin/staff}: every member, by name. */
    public StaffRoute list() {
        return (request, caller) -> Response.json(200, accounts.all().stream()
                .sorted(Comparator.comparing(StaffMember::name).thenComparing(m -> m.email().value()))
                .map(StaffBody::of).toList()).noStore();
    }

    /** {@code POST /api/v1/admin/staff}: 201 with the member; 409 when the address has a staff account. */
    public StaffRoute create() {
        return (request, caller) -> {
            Form form = new Form(JsonBody.object(request));
            Optional<EmailAddress> email = form.email("email");
            Optional<String> name = form.required("name", StaffMember.MAX_NAME_LENGTH).map(String::strip);
            Optional<StaffRole> role = role(form, form.required("role", 20));
            form.check();
            Instant now = clock.instant();
            StaffMember member = StaffMember.invited(email.orElseThrow(), name.orElseThrow(), role.orElseThrow(), now);
            Invitations.Issued issued = Invitations.issue(member.id(), now);
            try {
                accounts.create(member, issued.invitation(), AuditEntry.of(caller, now, "staff.created",
                        StaffAudit.subject(member), Map.of(), StaffAudit.fields(member)));
            } catch (StaffAccounts.EmailTakenException taken) {
                throw Problem.of(409, "email-taken", "Conflict", "This e-mail address already has a staff account.")
                        .raise();
            }
            send(member, issued);
            return Response.json(201, StaffBody.of(member)).header("Location", "/api/v1/admin/staff/" + member.id())
                    .noStore();
        };
    }

    /** {@code PATCH /api/v1/admin/staff/{id}}: {@code role}, {@code active} or {@code name}; 200 with the member. */
    public StaffRoute change() {
        return (request, caller) -> {
            StaffMember before = member(request);
            Form form = new Form(JsonBody.object(request));
            Optional<StaffRole> role = role(form, form.optional("role", 20));
            Optional<Boolean> active = form.optionalBoolean("active");
            Optional<String> name = form.optional("name", StaffMember.MAX_NAME_LENGTH).map(String::strip);
            if (role.isEmpty() && active.isEmpty() && name.isEmpty() && !form.hasErrors()) {
                form.reject("role", "give a role, active or a name to change");
            }
            form.check();
            StaffMember changed = new StaffMember(before.id(), before.email(), name.orElse(before.name()),
                    role.orElse(before.role()), before.passwordHash(), active.orElse(before.active()),
                    before.createdAt(), before.version() + 1);
            if (StaffAudit.fields(changed).equals(StaffAudit.fields(before))) {
                return Response.json(200, StaffBody.of(before)).noStore();
            }
            if (before.isActiveAdmin() && !changed.isActiveAdmin() && activeAdmins() <= 1) {
                throw Problem.of(409, "last-admin", "Conflict",
                        "This is the last active administrator: make another one first.").raise();
            }
            if (!accounts.change(before, changed, AuditEntry.of(caller, clock.instant(), "staff.changed",
                    StaffAudit.subject(before), StaffAudit.fields(before), StaffAudit.fields(changed)))) {
                throw changedMeanwhile().raise();
            }
            return Response.json(200, StaffBody.of(changed)).noStore();
        };
    }

    /** {@code POST /api/v1/admin/staff/{id}/invitation}: a new invitation replaces any earlier one; 202. */
    public StaffRoute invite() {
        return (request, caller) -> {
            StaffMember member = member(request);
            if (!member.active()) {
                throw Problem.of(409, "inactive", "Conflict", "Make this member active before inviting them.").raise();
            }
            Instant now = clock.instant();
            Invitations.Issued issued = Invitations.issue(member.id(), now);
            accounts.invite(issued.invitation(), AuditEntry.of(caller, now, "staff.invited",
                    StaffAudit.subject(member), Map.of(), Map.of("expiresAt", issued.invitation().expiresAt().toString())));
            send(member, issued);
            return Response.json(202, Map.of("expiresAt", issued.invitation().expiresAt().toString())).noStore();
        };
    }

    private long activeAdmins() {
        return accounts.all().stream().filter(StaffMember::isActiveAdmin).count();
    }

    private StaffMember member(Request request) {
        return request.pathParameter("id").flatMap(StaffAdministration::staffId).flatMap(accounts::find)
                .orElseThrow(() -> Problems.notFound().raise());
    }

    private static Optional<StaffId> staffId(String id) {
        try {
            return Optional.of(new StaffId(id));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private static Optional<StaffRole> role(Form form, Optional<String> name) {
        Optional<StaffRole> role = name.flatMap(StaffRole::fromWire);
        if (name.isPresent() && role.isEmpty()) {
            form.reject("role", "must be one of " + ROLES);
        }
        return role;
    }

    /** The invitation is stored either way; an administrator can send it again if the mail did not go. */
    private void send(StaffMember member, Invitations.Issued issued) {
        try {
            mail.send(Invitations.email(member, Invitations.link(site, issued.token()), issued.invitation().expiresAt()));
        } catch (RuntimeException notSent) {
            LOG.warn("the invitation of staff member {} was not sent ({})", member.id(), notSent.getClass().getSimpleName());
        }
    }

    static Problem changedMeanwhile() {
        return Problem.of(409, "changed-meanwhile", "Conflict",
                "This member was changed meanwhile; reload and try again.");
    }
}
