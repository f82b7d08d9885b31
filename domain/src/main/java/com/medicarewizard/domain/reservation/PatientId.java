package com.medicarewizard.domain.reservation;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a patient; opaque, carries no personal data. {@link #ERASED} stands for every patient who
 * erased their account: their reservations, kept for the center's records, name no one.
 */
public record PatientId(String value) {
    /** The patient of an anonymised reservation: the nil UUID, which no account is ever given. */
    public static final PatientId ERASED = new PatientId("00000000-0000-0000-0000-000000000000");

    public PatientId {
        Objects.requireNonNull(value, "patient id");
        UUID.fromString(value);
    }

    public static PatientId random() {
        return new PatientId(UUID.randomUUID().toString());
    }

    /** Whether this names no one: the reservation's patient erased their account. */
    public boolean isErased() {
        return equals(ERASED);
    }

    @Override
    public String toString() {
        return value;
    }
}
