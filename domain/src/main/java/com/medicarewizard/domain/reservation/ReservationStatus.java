package com.medicarewizard.domain.reservation;

/**
 * PENDING until the allocator decides; then CONFIRMED or REJECTED; a confirmed one may become CANCELLED.
 * An offer to a patient on the waitlist is decided HELD instead of CONFIRMED: its time is kept for the
 * patient a while, and it becomes CONFIRMED when accepted, CANCELLED when declined or lapsed.
 */
public enum ReservationStatus {
    PENDING, CONFIRMED, REJECTED, CANCELLED, HELD
}
