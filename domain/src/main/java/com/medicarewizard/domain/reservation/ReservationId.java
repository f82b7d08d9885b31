package com.medicarewizard.domain.reservation;

import java.util.Objects;
import java.util.UUID;

/** Identifies a reservation request from the moment the intake accepts it. */
public record ReservationId(String value) {
    public ReservationId {
        Objects.requireNonNull(value, "reservation id");
        UUID.fromString(value);
        if (value.length() != 36) {
            throw new IllegalArgumentException("a reservation id is a UUID");
        }
    }

    public static ReservationId random() {
        return new ReservationId(UUID.randomUUID().toString());
    }

    /** Parses untrusted text; empty when it is not a reservation id. */
    public static java.util.Optional<ReservationId> parse(String text) {
        try {
            return java.util.Optional.of(new ReservationId(text));
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
