package com.medicarewizard.intake.staff;

import com.medicarewizard.domain.staff.StaffMember;

/** A member of staff as the API shows them: never a hash. */
public record StaffBody(String id, String email, String name, String role, boolean active, boolean passwordSet,
                        String createdAt) {
    static StaffBody of(StaffMember m) {
        return new StaffBody(m.id().value(), m.email().value(), m.name(), m.role().wire(), m.active(),
                m.passwordHash().isPresent(), m.createdAt().toString());
    }
}
