package com.medicarewizard.domain.reservation;

import java.util.List;

/**
 * At most {@code max} active bookings ahead per patient, so that one account cannot hold the
 * center's times (one confirmed thirty in seconds). The allocator enforces it when it decides: it
 * decides one request at a time, so a burst of parallel requests cannot slip past it; it counts the
 * patient's CONFIRMED reservations (and offers from the waitlist HELD for them) that start later than now, other than the one being decided and the
 * one it moves (a move replaces a booking, it does not add one). The
 * intake refuses at once a request from a patient who already has {@code max} reservations ahead
 * that are CONFIRMED or still PENDING (a move under way not counted: it replaces one) — the friendly
 * answer; the allocator's is the one that holds.
 */
public record ActiveBookingsLimit(int max) {

    /** Ten exams ahead: more than a patient's course of treatment books at once. */
    public static final int STANDARD = 10;

    public ActiveBookingsLimit {
        if (max < 1) {
            throw new IllegalArgumentException("a patient must be allowed at least one booking");
        }
    }

    public static ActiveBookingsLimit standard() {
        return new ActiveBookingsLimit(STANDARD);
    }

    /** Whether {@code request} may be confirmed, given the patient's reservations that start later than now. */
    public boolean allowsConfirming(Reservation request, List<Reservation> ahead) {
        // an offer HELD for the patient counts as a booking: accepted, it becomes one without another decision
        return ahead.stream().filter(r -> r.status() == ReservationStatus.CONFIRMED || r.status() == ReservationStatus.HELD)
                .filter(r -> !r.id().equals(request.id()))
                .filter(r -> request.replaces().map(replaced -> !replaced.reservation().equals(r.id())).orElse(true))
                .count() < max;
    }

    /** Whether a new request may be accepted, given the patient's reservations that start later than now. */
    public boolean allowsRequesting(List<Reservation> ahead) {
        // a move under way replaces a booking that is counted already
        return ahead.stream().filter(Reservation::isCancellable)
                .filter(r -> !(r.status() == ReservationStatus.PENDING && r.isMove())).count() < max;
    }
}
