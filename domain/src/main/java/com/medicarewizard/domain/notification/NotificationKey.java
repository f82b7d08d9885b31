package com.medicarewizard.domain.notification;

import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One side effect of one outcome: "the e-mail telling reservation R it is CONFIRMED". The unit of
 * exactly-once: its marker is written once, conditionally, whatever the redeliveries.
 */
public record NotificationKey(ReservationId reservation, ReservationStatus outcome, Channel channel) {
    private static final Pattern ID = Pattern.compile("([0-9a-f-]{36})\\.([A-Z]+)\\.([A-Z]+)");

    public NotificationKey {
        Objects.requireNonNull(reservation, "reservation");
        Objects.requireNonNull(channel, "channel");
        if (!isOutcome(outcome)) {
            throw new IllegalArgumentException("only CONFIRMED, REJECTED and CANCELLED are notified, not " + outcome);
        }
    }

    /** The statuses a patient is told about. */
    public static boolean isOutcome(ReservationStatus status) {
        return status == ReservationStatus.CONFIRMED || status == ReservationStatus.REJECTED
                || status == ReservationStatus.CANCELLED;
    }

    /** A stable, URL-safe id: {@code <reservation>.<OUTCOME>.<CHANNEL>}. */
    public String id() {
        return reservation.value() + "." + outcome.name() + "." + channel.name();
    }

    /** Parses untrusted text (an operator's path parameter); empty when it is not an id. */
    public static Optional<NotificationKey> parse(String id) {
        var m = id == null ? null : ID.matcher(id);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new NotificationKey(new ReservationId(m.group(1)),
                    ReservationStatus.valueOf(m.group(2)), Channel.valueOf(m.group(3))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return id();
    }
}
