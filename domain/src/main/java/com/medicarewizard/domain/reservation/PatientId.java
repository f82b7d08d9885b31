package com.medicarewizard.domain.reservation;

import java.util.Objects;
import java.util.UUID;

/** Identifies a patient; opaque, carries no personal data. */
public record PatientId(String value) {
    public PatientId {
        Objects.requireNonNull(value, "patient id");
        UUID.fromString(value);
    }

    public static PatientId random() {
        return new PatientId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
