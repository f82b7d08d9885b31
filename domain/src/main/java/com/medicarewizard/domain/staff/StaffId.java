package com.medicarewizard.domain.staff;

import java.util.Objects;
import java.util.UUID;

/** Identifies a member of the center's staff; opaque, a UUID. */
public record StaffId(String value) {
    public StaffId {
        Objects.requireNonNull(value, "staff id");
        UUID.fromString(value);
        value = value.toLowerCase(java.util.Locale.ROOT);
    }

    public static StaffId random() {
        return new StaffId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
