package com.medicarewizard.domain.notification;

import com.medicarewizard.domain.reminder.ReminderKind;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One side effect of one outcome (HELD: an offer from the waitlist): "the e-mail telling reservation R it is CONFIRMED" — or of one
 * reminder of a confirmed reservation: "the SMS reminding reservation R 2 hours before" (its outcome
 * is then CONFIRMED, and {@code reminder} says which). The unit of exactly-once: its marker is written
 * once, conditionally, whatever the redeliveries or the scheduler's repeated firings.
 */
public record NotificationKey(ReservationId reservation, ReservationStatus outcome, Channel channel,
                              Optional<ReminderKind> reminder) {
    private static final Pattern ID = Pattern.compile("([0-9a-f-]{36})\\.([A-Z0-9_]+)\\.([A-Z]+)");

    public NotificationKey {
        Objects.requireNonNull(reservation, "reservation");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(reminder, "reminder");
        if (!isOutcome(outcome)) {
            throw new IllegalArgumentException("only CONFIRMED, REJECTED and CANCELLED are notified, not " + outcome);
        }
        if (reminder.isPresent() && (outcome != ReservationStatus.CONFIRMED || channel == Channel.EVENT
                || !reminder.get().isReminder())) {
            throw new IllegalArgumentException("a reminder is of a CONFIRMED reservation, by e-mail or SMS");
        }
    }

    /** The side effect telling an outcome. */
    public NotificationKey(ReservationId reservation, ReservationStatus outcome, Channel channel) {
        this(reservation, outcome, channel, Optional.empty());
    }

    /** The side effect sending a reminder on a channel. */
    public static NotificationKey reminder(ReservationId reservation, ReminderKind kind, Channel channel) {
        return new NotificationKey(reservation, ReservationStatus.CONFIRMED, channel, Optional.of(kind));
    }

    /** What is told: the outcome's name, or the reminder's ({@code BEFORE_48_HOURS}). */
    public String subject() {
        return reminder.map(Enum::name).orElse(outcome.name());
    }

    /** The statuses a patient is told about. */
    public static boolean isOutcome(ReservationStatus status) {
        return status == ReservationStatus.CONFIRMED || status == ReservationStatus.REJECTED
                || status == ReservationStatus.CANCELLED || status == ReservationStatus.HELD;
    }

    /** A stable, URL-safe id: {@code <reservation>.<OUTCOME or REMINDER>.<CHANNEL>}. */
    public String id() {
        return reservation.value() + "." + subject() + "." + channel.name();
    }

    /** The key whose {@link #subject()} is {@code subject}; empty when it names no outcome nor reminder. */
    public static Optional<NotificationKey> of(ReservationId reservation, String subject, Channel channel) {
        for (ReminderKind kind : ReminderKind.values()) {
            if (kind.isReminder() && kind.name().equals(subject)) {
                return channel == Channel.EVENT ? Optional.empty() : Optional.of(reminder(reservation, kind, channel));
            }
        }
        try {
            return Optional.of(new NotificationKey(reservation, ReservationStatus.valueOf(subject), channel));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Parses untrusted text (an operator's path parameter); empty when it is not an id. */
    public static Optional<NotificationKey> parse(String id) {
        var m = id == null ? null : ID.matcher(id);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        try {
            return of(new ReservationId(m.group(1)), m.group(2), Channel.valueOf(m.group(3)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return id();
    }
}
