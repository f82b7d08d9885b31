package com.medicarewizard.domain.reservation;

/** PENDING until the allocator decides; then CONFIRMED or REJECTED; a confirmed one may become CANCELLED. */
public enum ReservationStatus {
    PENDING, CONFIRMED, REJECTED, CANCELLED
}
