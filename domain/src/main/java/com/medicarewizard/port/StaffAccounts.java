package com.medicarewizard.port;

import com.medicarewizard.domain.patient.EmailAddress;
import com.medicarewizard.domain.staff.AuditEntry;
import com.medicarewizard.domain.staff.StaffId;
import com.medicarewizard.domain.staff.StaffMember;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The center's staff accounts, their invitations and their sessions, apart from the patients'. Every
 * change of an account is written together with its {@link AuditEntry}, both or neither. Invitations
 * and sessions are stored under a hash of their token, never the token.
 */
public interface StaffAccounts {

    /**
     * Stores a new member with their first invitation and the entry recording it.
     *
     * @throws EmailTakenException when another member has the address (nothing is written)
     */
    void create(StaffMember member, Invitation invitation, AuditEntry audit);

    Optional<StaffMember> find(StaffId id);

    Optional<StaffMember> byEmail(EmailAddress email);

    /** Every member, in no particular order. */
    List<StaffMember> all();

    /**
     * Stores {@code after} in place of {@code before} if {@code before}'s version is still the stored one,
     * with the entry.
     *
     * @return false, changing nothing, when the member changed meanwhile or is unknown
     */
    boolean change(StaffMember before, StaffMember after, AuditEntry audit);

    /** Stores the invitation in place of any earlier one of the member (only the latest works), with the entry. */
    void invite(Invitation invitation, AuditEntry audit);

    /** The member's invitation, if stored and unexpired at {@code now}. */
    Optional<Invitation> invitation(StaffId staff, Instant now);

    /**
     * Stores the password hash on the member and removes the invitation, with the entry, all or
     * nothing, if the invitation is still the stored one and the member is unchanged since {@code member}.
     *
     * @return false, changing nothing, when the invitation was used or replaced meanwhile, or the member changed
     */
    boolean accept(Invitation invitation, StaffMember member, String passwordHash, AuditEntry audit);

    void storeSession(Session session);

    /** The session for the hash, if stored and unexpired at {@code now}. */
    Optional<Session> session(String tokenHash, Instant now);

    void revokeSession(String tokenHash);

    /** A one-time invitation to set a password: the SHA-256 (hex) of its token, and its expiry. */
    record Invitation(StaffId staff, String tokenHash, Instant issuedAt, Instant expiresAt) {
        public Invitation {
            Objects.requireNonNull(staff, "staff");
            Objects.requireNonNull(tokenHash, "token hash");
            Objects.requireNonNull(issuedAt, "issued at");
            Objects.requireNonNull(expiresAt, "expires at");
            if (!expiresAt.isAfter(issuedAt)) {
                throw new IllegalArgumentException("an invitation expires after it is issued");
            }
        }

        @Override
        public String toString() {
            return "Invitation[" + staff + ", until " + expiresAt + "]";
        }
    }

    /** A staff member's access-token session, stored under the SHA-256 (hex) of the token. */
    record Session(String tokenHash, StaffId staff, Instant issuedAt, Instant expiresAt) {
        public Session {
            Objects.requireNonNull(tokenHash, "token hash");
            Objects.requireNonNull(staff, "staff");
            Objects.requireNonNull(issuedAt, "issued at");
            Objects.requireNonNull(expiresAt, "expires at");
        }

        @Override
        public String toString() {
            return "Session[" + staff + ", until " + expiresAt + "]";
        }
    }

    final class EmailTakenException extends RuntimeException {
        public EmailTakenException() {
            super("the e-mail address already has a staff account");
        }
    }
}
