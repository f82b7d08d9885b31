package com.medicarewizard.domain.reminder;

import java.time.Duration;
import java.time.Instant;

/**
 * The reminders a confirmed reservation gets: 48 hours before its start, with the exam's preparation,
 * and 2 hours before for the patients who ask for it.
 *
 * <p><b>"Hours before" are elapsed hours</b>: a reminder is due at {@code start − lead}, an instant, so
 * a daylight-saving change in between moves its wall-clock time, never its distance from the start. A
 * reservation at 09:00 on Monday 29 March 2027 in Rome (UTC+02:00, the clocks went forward on the 28th)
 * is reminded at 08:00 on Saturday the 27th (UTC+01:00): 48 hours before, not "two days before at the
 * same time" (which would be 47). The message states the appointment's time in the site's zone with
 * its offset.
 *
 * <p><b>Late or never</b> ({@link #worthScheduling}, {@link #worthSending}): a reminder already due when
 * the reservation is confirmed is not scheduled — the confirmation the patient has just received says
 * the same, preparation included. One that fires late (the embedded runtime was down, the scheduler
 * retried) is still sent while it is no later than half its lead ({@link #usefulUntil}: 24 hours before
 * the start for the 48-hour one, 1 hour before for the 2-hour one), and never after.
 */
public enum ReminderKind {
    BEFORE_48_HOURS(Duration.ofHours(48), "48h"),
    BEFORE_2_HOURS(Duration.ofHours(2), "2h"),
    /**
     * Not a reminder: the end of a HELD offer's hold ({@link com.medicarewizard.domain.reservation.Reservation#heldUntil()},
     * the schedule's "start"), when an unanswered offer lapses and its time passes to the next patient on the
     * waitlist. Due at that instant, scheduled whenever, and of use however late it fires.
     */
    OFFER_LAPSES(Duration.ZERO, "lapse");

    private final Duration lead;
    private final String code;

    ReminderKind(Duration lead, String code) {
        this.lead = lead;
        this.code = code;
    }

    public Duration lead() {
        return lead;
    }

    /** Whether this is a message to the patient ({@link #OFFER_LAPSES} is not). */
    public boolean isReminder() {
        return this != OFFER_LAPSES;
    }

    /** A short stable name for schedules and payloads: {@code 48h}, {@code 2h}, {@code lapse}. */
    public String code() {
        return code;
    }

    public static ReminderKind ofCode(String code) {
        for (ReminderKind kind : values()) {
            if (kind.code.equals(code)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no reminder " + code);
    }

    /** The instant the reminder of a reservation starting at {@code start} is due: {@code lead} elapsed hours before it. */
    public Instant dueAt(Instant start) {
        return start.minus(lead);
    }

    /** The last instant at which a late reminder is still worth sending (exclusive): half the lead before the start. */
    public Instant usefulUntil(Instant start) {
        return start.minus(lead.dividedBy(2));
    }

    /** Whether a reservation confirmed at {@code now} gets this reminder: only while it is not yet due. */
    public boolean worthScheduling(Instant start, Instant now) {
        return this == OFFER_LAPSES || dueAt(start).isAfter(now);
    }

    /** Whether the reminder goes out at {@code now}: due, and not so late it has lost its use. */
    public boolean worthSending(Instant start, Instant now) {
        if (this == OFFER_LAPSES) {
            return !now.isBefore(start);
        }
        return !now.isBefore(dueAt(start)) && now.isBefore(usefulUntil(start));
    }
}
