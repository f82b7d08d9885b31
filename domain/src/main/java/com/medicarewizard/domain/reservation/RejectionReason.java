package com.medicarewizard.domain.reservation;

/**
 * Why a reservation request could not be confirmed, or why a confirmed one was cancelled by the center;
 * stable codes the API shows.
 */
public enum RejectionReason {
    /** Every resource able to do the exam at that time is already booked. */
    SLOT_TAKEN,
    /** The site or every suitable resource is closed or outside its opening hours then. */
    CLOSED,
    /** The start is in the past or nearer than the minimum notice. */
    TOO_SOON,
    /** The start lies beyond the booking horizon. */
    BEYOND_HORIZON,
    /** The start is not on the booking grid in the site's local time. */
    OFF_GRID,
    /** The exam type is unknown or not offered at the site. */
    NOT_OFFERED,
    /** The patient already holds as many bookings ahead as one patient may ({@link ActiveBookingsLimit}). */
    TOO_MANY_BOOKINGS,
    /**
     * A move request whose reservation is no longer there to move: cancelled or moved meanwhile,
     * started, or its cancellation asked for. That reservation is left as it is.
     */
    NOT_MOVABLE,
    /**
     * Not a rejection: a CONFIRMED reservation the center cancelled because a change of the center (a
     * closure, shorter hours, a resource removed) left it no time to hold it.
     */
    CENTER_CLOSED,
    /** Not a rejection: an offer from the waitlist the patient did not accept in time, so it passed to the next. */
    OFFER_LAPSED
}
