package com.medicarewizard.domain.reminder;

import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One reminder of one reservation: which, and the start it reminds of. It carries ids and times only,
 * never personal data: whoever fires it reads the reservation and the patient again, and sends only if
 * the reservation is still CONFIRMED with this start.
 */
public record Reminder(ReservationId reservation, ReminderKind kind, Instant start) {
    public Reminder {
        Objects.requireNonNull(reservation, "reservation");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(start, "start");
    }

    /** Every reminder of {@code reservation}, whether or not it is worth scheduling. */
    public static List<Reminder> of(Reservation reservation) {
        return Arrays.stream(ReminderKind.values()).filter(ReminderKind::isReminder).map(k -> new Reminder(reservation.id(), k, reservation.start()))
                .toList();
    }

    /** The lapse of a HELD offer, due when its hold ends. */
    public static Reminder lapseOf(Reservation offer) {
        return new Reminder(offer.id(), ReminderKind.OFFER_LAPSES, offer.heldUntil().orElseThrow(() ->
                new IllegalArgumentException("only a decided offer lapses: " + offer.id())));
    }

    public Instant dueAt() {
        return kind.dueAt(start);
    }

    /** A name unique per reservation and kind, the same every time: {@code <reservation id>-48h}. */
    public String name() {
        return reservation.value() + "-" + kind.code();
    }

    /**
     * The reminder as its schedule hands it over (EventBridge Scheduler's target input, the embedded
     * schedule's item): {@code reservationId}, {@code kind} ({@code 48h}, {@code 2h}), {@code start}.
     */
    public Map<String, String> fields() {
        return Map.of("reservationId", reservation.value(), "kind", kind.code(), "start", start.toString());
    }

    /** @throws IllegalArgumentException when a field is missing or malformed */
    public static Reminder of(Map<String, String> fields) {
        String id = fields.get("reservationId");
        String kind = fields.get("kind");
        String start = fields.get("start");
        if (id == null || kind == null || start == null) {
            throw new IllegalArgumentException("a reminder needs reservationId, kind and start");
        }
        try {
            return new Reminder(new ReservationId(id), ReminderKind.ofCode(kind), Instant.parse(start));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("a reminder's start is an ISO-8601 instant", e);
        }
    }

    @Override
    public String toString() {
        return "Reminder[" + name() + " due " + dueAt() + "]";
    }
}
