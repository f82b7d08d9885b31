package com.medicarewizard.port;

import com.medicarewizard.domain.reservation.ReservationId;

import java.util.Objects;

/**
 * What travels on the reservation queue: an instruction to the allocator naming a reservation by
 * id. It carries no personal data; the durable reservation record holds the rest.
 */
public record ReservationCommand(Type type, ReservationId reservation, String correlationId) {
    public enum Type {
        /** Decide a PENDING request. */
        DECIDE,
        /** Release a reservation's time and mark it CANCELLED. */
        CANCEL
    }

    public ReservationCommand {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reservation, "reservation");
        Objects.requireNonNull(correlationId, "correlation id");
    }
}
