package com.medicarewizard.adapter.table;

import static com.medicarewizard.table.layout.ItemLayout.VERSION;

import com.medicarewizard.domain.patient.EmailAddress;
import com.medicarewizard.domain.staff.AuditEntry;
import com.medicarewizard.domain.staff.StaffId;
import com.medicarewizard.domain.staff.StaffMember;
import com.medicarewizard.port.ContendedWriteException;
import com.medicarewizard.port.StaffAccounts;
import com.medicarewizard.table.CancellationReason;
import com.medicarewizard.table.Condition;
import com.medicarewizard.table.ItemTable;
import com.medicarewizard.table.Query;
import com.medicarewizard.table.SortRange;
import com.medicarewizard.table.TransactionCanceledException;
import com.medicarewizard.table.Write;
import com.medicarewizard.table.layout.AuditRecords;
import com.medicarewizard.table.layout.ItemLayout;
import com.medicarewizard.table.layout.StaffRecords;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link StaffAccounts} on the item table ({@link StaffRecords}). Each change is one transaction with its
 * audit entry's item ({@link AuditRecords}), put only if absent; a member's change holds on the version it
 * was made from, an invitation's acceptance on the invitation's token hash as well.
 */
public final class TableStaffAccounts implements StaffAccounts {

    private final ItemTable table;

    public TableStaffAccounts(ItemTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public void create(StaffMember member, Invitation invitation, AuditEntry audit) {
        try {
            table.transact(List.of(
                    Write.put(StaffRecords.item(member), Condition.absent()),
                    Write.put(StaffRecords.emailOwner(member), Condition.absent()),
                    Write.put(StaffRecords.invitation(invitation), Condition.always()),
                    audited(audit)));
        } catch (TransactionCanceledException e) {
            if (e.reasons().get(1).conditionFailed()
                    || table.get(StaffRecords.emailKey(member.email())).isPresent()) {
                throw new EmailTakenException();
            }
            throw contended("staff member " + member.id() + " could not be created", e);
        }
    }

    @Override
    public Optional<StaffMember> find(StaffId id) {
        return table.get(StaffRecords.key(id)).map(StaffRecords::member);
    }

    @Override
    public Optional<StaffMember> byEmail(EmailAddress email) {
        return table.get(StaffRecords.emailKey(email))
                .map(owner -> new StaffId(owner.string(StaffRecords.STAFF_ID)))
                .flatMap(this::find);
    }

    @Override
    public List<StaffMember> all() {
        return table.query(Query.table(ItemLayout.STAFF, SortRange.all())).stream().map(StaffRecords::member).toList();
    }

    @Override
    public boolean change(StaffMember before, StaffMember after, AuditEntry audit) {
        if (!before.id().equals(after.id()) || !before.email().equals(after.email())) {
            throw new IllegalArgumentException("a change keeps the member's id and address");
        }
        return unlessChanged(List.of(Write.put(StaffRecords.item(after), sameVersion(before)), audited(audit)),
                "staff member " + before.id());
    }

    @Override
    public void invite(Invitation invitation, AuditEntry audit) {
        table.transact(List.of(
                Write.put(StaffRecords.invitation(invitation), Condition.always()),
                Write.check(StaffRecords.key(invitation.staff()), Condition.present()),
                audited(audit)));
    }

    @Override
    public Optional<Invitation> invitation(StaffId staff, Instant now) {
        return table.get(StaffRecords.invitationKey(staff)).map(StaffRecords::invitation)
                .filter(invitation -> now.isBefore(invitation.expiresAt()));
    }

    @Override
    public boolean accept(Invitation invitation, StaffMember member, String passwordHash, AuditEntry audit) {
        if (!invitation.staff().equals(member.id())) {
            throw new IllegalArgumentException("an invitation is accepted by its own member");
        }
        return unlessChanged(List.of(
                Write.put(StaffRecords.item(member.withPasswordHash(passwordHash)), sameVersion(member)),
                Write.delete(StaffRecords.invitationKey(invitation.staff()),
                        Condition.equals(StaffRecords.TOKEN_HASH, invitation.tokenHash())),
                audited(audit)), "the invitation of " + member.id());
    }

    @Override
    public void storeSession(Session session) {
        table.put(StaffRecords.session(session), Condition.always());
    }

    @Override
    public Optional<Session> session(String tokenHash, Instant now) {
        return table.get(StaffRecords.sessionKey(tokenHash)).map(item -> StaffRecords.session(tokenHash, item))
                .filter(session -> now.isBefore(session.expiresAt()));
    }

    @Override
    public void revokeSession(String tokenHash) {
        table.delete(StaffRecords.sessionKey(tokenHash), Condition.always());
    }

    private static Write audited(AuditEntry audit) {
        return Write.put(AuditRecords.item(audit), Condition.absent());
    }

    private static Condition sameVersion(StaffMember member) {
        return Condition.and(Condition.present(), Condition.equals(VERSION, member.version()));
    }

    /** True when written; false when a guarded item changed meanwhile; contention beyond the table's retries throws. */
    private boolean unlessChanged(List<Write> writes, String what) {
        try {
            table.transact(writes);
            return true;
        } catch (TransactionCanceledException e) {
            if (e.reasons().stream().anyMatch(CancellationReason::conditionFailed)) {
                return false;
            }
            throw contended(what + " could not be changed", e);
        }
    }

    private static RuntimeException contended(String what, TransactionCanceledException e) {
        if (e.reasons().stream().anyMatch(CancellationReason::conflicted)) {
            return new ContendedWriteException(what + ": another change was under way", e);
        }
        return new IllegalStateException(what, e);
    }
}
