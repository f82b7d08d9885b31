package com.medicarewizard.domain.staff;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a member of staff may do. An administrator runs the center (its sites, exam types, hours,
 * closures, the staff accounts, the audit trail) and may do all the front desk does; the front desk
 * books and cancels for patients and keeps the day's schedule. The wire names are those the OpenAPI
 * document lists on each staff operation.
 */
public enum StaffRole {
    ADMIN("admin"),
    FRONT_DESK("front-desk");

    private final String wire;

    StaffRole(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<StaffRole> fromWire(String name) {
        return Arrays.stream(values()).filter(role -> role.wire.equals(name)).findFirst();
    }
}
