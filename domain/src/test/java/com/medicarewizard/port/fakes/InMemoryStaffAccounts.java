package com.medicarewizard.port.fakes;

import com.medicarewizard.domain.patient.EmailAddress;
import com.medicarewizard.domain.staff.AuditEntry;
import com.medicarewizard.domain.staff.StaffId;
import com.medicarewizard.domain.staff.StaffMember;
import com.medicarewizard.port.AuditTrail;
import com.medicarewizard.port.StaffAccounts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Staff accounts and their audit trail in memory for the functions' unit tests, held to
 * {@link com.medicarewizard.port.contract.StaffAccountsContract}; one lock stands for the table's transactions.
 */
public final class InMemoryStaffAccounts implements StaffAccounts, AuditTrail {
    private final Map<StaffId, StaffMember> members = new HashMap<>();
    private final Map<StaffId, Invitation> invitations = new HashMap<>();
    private final Map<String, Session> sessions = new HashMap<>();
    private final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public synchronized void create(StaffMember member, Invitation invitation, AuditEntry audit) {
        if (byEmail(member.email()).isPresent()) {
            throw new EmailTakenException();
        }
        members.put(member.id(), member);
        invitations.put(member.id(), invitation);
        entries.add(audit);
    }

    @Override
    public synchronized Optional<StaffMember> find(StaffId id) {
        return Optional.ofNullable(members.get(id));
    }

    @Override
    public synchronized Optional<StaffMember> byEmail(EmailAddress email) {
        return members.values().stream().filter(m -> m.email().equals(email)).findFirst();
    }

    @Override
    public synchronized List<StaffMember> all() {
        return List.copyOf(members.values());
    }

    @Override
    public synchronized boolean change(StaffMember before, StaffMember after, AuditEntry audit) {
        StaffMember stored = members.get(before.id());
        if (stored == null || stored.version() != before.version()) {
            return false;
        }
        members.put(after.id(), after);
        entries.add(audit);
        return true;
    }

    @Override
    public synchronized void invite(Invitation invitation, AuditEntry audit) {
        invitations.put(invitation.staff(), invitation);
        entries.add(audit);
    }

    @Override
    public synchronized Optional<Invitation> invitation(StaffId staff, Instant now) {
        return Optional.ofNullable(invitations.get(staff)).filter(i -> now.isBefore(i.expiresAt()));
    }

    @Override
    public synchronized boolean accept(Invitation invitation, StaffMember member, String passwordHash,
                                       AuditEntry audit) {
        if (!invitation.equals(invitations.get(invitation.staff()))) {
            return false;
        }
        StaffMember stored = members.get(member.id());
        if (stored == null || stored.version() != member.version()) {
            return false;
        }
        members.put(member.id(), stored.withPasswordHash(passwordHash));
        invitations.remove(invitation.staff());
        entries.add(audit);
        return true;
    }

    @Override
    public synchronized void storeSession(Session session) {
        sessions.put(session.tokenHash(), session);
    }

    @Override
    public synchronized Optional<Session> session(String tokenHash, Instant now) {
        return Optional.ofNullable(sessions.get(tokenHash)).filter(s -> now.isBefore(s.expiresAt()));
    }

    @Override
    public synchronized void revokeSession(String tokenHash) {
        sessions.remove(tokenHash);
    }

    @Override
    public synchronized void record(AuditEntry entry) {
        entries.add(entry);
    }

    @Override
    public synchronized List<AuditEntry> between(Instant from, Instant to) {
        return entries.stream().filter(e -> !e.at().isBefore(from) && e.at().isBefore(to))
                .sorted(Comparator.comparing(AuditEntry::at).thenComparing(AuditEntry::id))
                .limit(MAX_READ).toList();
    }
}
