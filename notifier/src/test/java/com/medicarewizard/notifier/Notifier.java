package com.medicarewizard.notifier;

import com.medicarewizard.domain.CenterMother;
import com.medicarewizard.domain.MutableClock;
import com.medicarewizard.domain.PatientMother;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.port.fakes.InMemoryNotificationLedger;
import com.medicarewizard.port.fakes.InMemoryPatients;
import com.medicarewizard.port.fakes.InMemoryRecipientQuota;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The notifier's use case over fakes: the patient of {@link StreamRecords} (Italian unless told
 * otherwise), the center of {@link CenterMother}, a clock moved by hand, three calls per side effect
 * 1 ms apart, parked ones first retried after 30 s.
 */
final class Notifier {
    static final Instant NOW = Instant.parse("2030-03-04T08:00:02Z");
    static final NotifierSettings SETTINGS = new NotifierSettings(3, Duration.ofMillis(1), Duration.ofMinutes(1),
            Duration.ofSeconds(30));
    final InMemoryPatients patients = new InMemoryPatients();
    final InMemoryNotificationLedger ledger = new InMemoryNotificationLedger();
    /** What the notifier writes the ledger through: {@link #ledger}, failing when a test says. */
    final FlakyLedger flakyLedger = new FlakyLedger(ledger);
    final RecordingNotifications notifications = new RecordingNotifications();
    final RecordingEvents events = new RecordingEvents();
    final MutableClock clock = new MutableClock(NOW);
    final InMemoryRecipientQuota quota = new InMemoryRecipientQuota();
    final Map<ReservationId, Reservation> reservations = new HashMap<>();
    final OutcomeNotifier notifier;

    Notifier() {
        this("it");
    }

    Notifier(String language) {
        this(Optional.of(language), SETTINGS);
    }

    /** The patient of the reservations is not (or no longer) registered. */
    static Notifier withUnknownPatient() {
        return new Notifier(Optional.empty(), SETTINGS);
    }

    /** At most {@code messages} per recipient and channel within an hour. */
    static Notifier withMessageLimit(int messages) {
        return new Notifier(Optional.of("it"), SETTINGS.withMessageLimit(MessageLimit.perHour(messages)));
    }

    private Notifier(Optional<String> language, NotifierSettings settings) {
        language.ifPresent(l -> patients.register(PatientMother.patient(StreamRecords.PATIENT,
                "maria.rossi@example.org", l)));
        notifier = new OutcomeNotifier(patients, CenterMother::center, notifications, events, flakyLedger, quota,
                settings, clock);
    }

    /** The outcome of the one-record stream event, its reservation kept as the table would keep it. */
    OutcomeChange change(String event) {
        OutcomeChange change = OutcomeChange.of(StreamRecords.record(event)).orElseThrow();
        reservations.put(change.reservation().id(), change.reservation());
        return change;
    }

    /** Notifies the outcome while the SMS service is down, so the SMS is parked; it stays down until a test says. */
    OutcomeChange notifiedWithSmsDown(String event) {
        notifications.smsFailure = RecordingNotifications.unavailable();
        OutcomeChange change = change(event);
        notifier.notify(change);
        return change;
    }

    ParkedNotificationRetrier retrier() {
        return new ParkedNotificationRetrier(flakyLedger, new StoredReservations(reservations), notifier, clock, 100);
    }
}
