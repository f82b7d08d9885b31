package com.medicarewizard.domain.staff;

import com.medicarewizard.domain.patient.EmailAddress;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A member of the center's staff, apart from the patients: their own accounts, log-ins and sessions.
 * A new member has no password until they set one with the invitation an administrator (or the
 * bootstrap) issued; a member made inactive can no longer log in, and their open sessions stop
 * working at once (every staff call reads the member). {@code version} guards each change.
 */
public record StaffMember(StaffId id, EmailAddress email, String name, StaffRole role,
                          Optional<String> passwordHash, boolean active, Instant createdAt, long version) {
    public static final int MAX_NAME_LENGTH = 100;

    public StaffMember {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(passwordHash, "password hash");
        Objects.requireNonNull(createdAt, "created at");
        if (name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("a staff member's name has 1 to " + MAX_NAME_LENGTH + " characters");
        }
        if (version < 0) {
            throw new IllegalArgumentException("a version cannot be negative");
        }
    }

    /** A new member, active, without a password yet. */
    public static StaffMember invited(EmailAddress email, String name, StaffRole role, Instant now) {
        return new StaffMember(StaffId.random(), email, name, role, Optional.empty(), true, now, 0);
    }

    /** May act now: active, with a password set. */
    public boolean canLogIn() {
        return active && passwordHash.isPresent();
    }

    public boolean isActiveAdmin() {
        return active && role == StaffRole.ADMIN;
    }

    public StaffMember withRole(StaffRole newRole) {
        return new StaffMember(id, email, name, newRole, passwordHash, active, createdAt, version + 1);
    }

    public StaffMember withActive(boolean nowActive) {
        return new StaffMember(id, email, name, role, passwordHash, nowActive, createdAt, version + 1);
    }

    public StaffMember withPasswordHash(String hash) {
        return new StaffMember(id, email, name, role, Optional.of(hash), active, createdAt, version + 1);
    }

    @Override
    public String toString() {
        return "StaffMember[" + id + ", " + role.wire() + (active ? "" : ", inactive") + "]";
    }
}
