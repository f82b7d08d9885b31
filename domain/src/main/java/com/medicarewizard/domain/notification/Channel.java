package com.medicarewizard.domain.notification;

import com.medicarewizard.domain.reservation.ReservationStatus;

/**
 * How an outcome reaches the world: the patient's e-mail and SMS, and the domain event other
 * systems subscribe to. Each is sent at most once per outcome, tracked by its own marker.
 */
public enum Channel {
    EMAIL, SMS, EVENT;

    /**
     * Whether this channel tells the outcome. No SMS for a rejection: the page shows it at once and
     * the e-mail says why, while a text for it would let anyone have the center pay for messages to a
     * number nobody verified, just by asking again and again for a time that is taken. An offer from the
     * waitlist (HELD) goes by e-mail and SMS: it lapses within minutes.
     */
    public boolean tells(ReservationStatus outcome) {
        if (outcome == ReservationStatus.HELD) {
            return this != EVENT; // an offer is the patient's: no booking yet for subscribers to track
        }
        return this != SMS || outcome != ReservationStatus.REJECTED;
    }
}
