package com.medicarewizard.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medicarewizard.domain.CenterMother;
import com.medicarewizard.domain.MutableClock;
import com.medicarewizard.domain.PatientMother;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.notification.Channel;
import com.medicarewizard.domain.notification.NotificationKey;
import com.medicarewizard.domain.reminder.Reminder;
import com.medicarewizard.domain.reminder.ReminderKind;
import com.medicarewizard.domain.reservation.Decision;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.port.NotificationLedger.State;
import com.medicarewizard.port.fakes.InMemoryNotificationLedger;
import com.medicarewizard.port.fakes.InMemoryPatients;
import com.medicarewizard.port.fakes.InMemoryRecipientQuota;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The reminder function's use case over fakes: what it sends, once, and what it parks and retries. */
class ReminderNotifierTest {
    private static final Instant START = Instant.parse("2027-03-29T07:00:00Z");
    private final InMemoryPatients patients = new InMemoryPatients();
    private final InMemoryNotificationLedger ledger = new InMemoryNotificationLedger();
    private final RecordingNotifications notifications = new RecordingNotifications();
    private final Map<ReservationId, Reservation> reservations = new HashMap<>();
    private final MutableClock clock = new MutableClock(START.minus(Duration.ofHours(48)));
    private final PatientId patient = PatientId.random();

    private ReminderNotifier notifier(NotifierSettings settings) {
        return new ReminderNotifier(new StoredReservations(reservations), patients, CenterMother::center, notifications,
                ledger, new InMemoryRecipientQuota(), settings, clock);
    }

    private Reservation confirmed(Instant start) {
        Reservation pending = Reservation.request(ReservationId.random(), patient, CenterMother.MRI, CenterMother.NORD,
                start, start.plus(Duration.ofMinutes(30)), START.minus(Duration.ofDays(5)), "corr-1");
        Reservation confirmed = pending.decide(new Decision.Confirmed(List.of(new ResourceId("MRI-1"))),
                START.minus(Duration.ofDays(5)));
        reservations.put(confirmed.id(), confirmed);
        return confirmed;
    }

    private void registered(String language) {
        patients.register(PatientMother.patient(patient, "maria.rossi@example.org", language));
    }

    @Test
    void sendsTheReminderInThePatientsLanguageWithTheSitesTimeAndOffset() {
        registered("it");
        Reservation booked = confirmed(START);

        assertThat(notifier(Notifier.SETTINGS).fire(new Reminder(booked.id(), ReminderKind.BEFORE_48_HOURS, START)))
                .isEqualTo(ReminderNotifier.Result.DONE);

        assertThat(notifications.emails).singleElement().satisfies(email -> {
            assertThat(email.subject()).startsWith("Promemoria: Risonanza magnetica del ginocchio");
            assertThat(email.text()).contains("09:00").contains("UTC+02:00").contains("Europe/Rome")
                    .contains("Togli gli oggetti metallici.");
            assertThat(email.attachment()).isEmpty();
        });
        assertThat(notifications.texts).singleElement().satisfies(sms -> assertThat(sms.text())
                .contains("Promemoria").contains("UTC+02:00"));
    }

    @Test
    void aPatientErasingTheirAccountIsRemindedOfNothingAndNothingIsParked() {
        registered("en");
        Reservation booked = confirmed(START);
        patients.beginErasure(patient, START.minus(Duration.ofHours(49)));

        notifier(Notifier.SETTINGS).fire(new Reminder(booked.id(), ReminderKind.BEFORE_48_HOURS, START));

        assertThat(notifications.emails).isEmpty();
        assertThat(notifications.texts).isEmpty();
        for (Channel channel : List.of(Channel.EMAIL, Channel.SMS)) {
            assertThat(ledger.state(NotificationKey.reminder(booked.id(), ReminderKind.BEFORE_48_HOURS, channel)))
                    .isEmpty();
        }
    }

    @Test
    void aReminderFiredBeforeItIsDueFailsAndSendsNothing() {
        registered("en");
        Reservation booked = confirmed(START.plus(Duration.ofSeconds(1)));
        assertThatThrownBy(() -> notifier(Notifier.SETTINGS).fire(
                new Reminder(booked.id(), ReminderKind.BEFORE_48_HOURS, booked.start())))
                .isInstanceOf(ReminderNotifier.NotDueException.class);
        assertThat(notifications.emails).isEmpty();
    }

    @Test
    void aReminderOfAnotherStartOrOfAReservationNoLongerConfirmedIsStale() {
        registered("en");
        Reservation booked = confirmed(START);
        ReminderNotifier reminders = notifier(Notifier.SETTINGS);
        assertThat(reminders.fire(new Reminder(booked.id(), ReminderKind.BEFORE_48_HOURS, START.minusSeconds(900))))
                .isEqualTo(ReminderNotifier.Result.STALE);
        reservations.put(booked.id(), booked.requestCancellation(clock.instant()).cancel(clock.instant()));
        assertThat(reminders.fire(new Reminder(booked.id(), ReminderKind.BEFORE_48_HOURS, START)))
                .isEqualTo(ReminderNotifier.Result.STALE);
        assertThat(reminders.fire(new Reminder(ReservationId.random(), ReminderKind.BEFORE_48_HOURS, START)))
                .isEqualTo(ReminderNotifier.Result.STALE);
        assertThat(notifications.emails).isEmpty();
        assertThat(notifications.texts).isEmpty();
    }

    @Test
    void aParkedReminderIsSentByTheRetrierOnceAndOnlyWhileItStands() {
        registered("en");
        Reservation kept = confirmed(START);
        Reservation dropped = confirmed(START.plusSeconds(1800));
        ReminderNotifier reminders = notifier(Notifier.SETTINGS);
        notifications.smsFailure = RecordingNotifications.unavailable();
        clock.advanceTo(START.plusSeconds(1800).minus(Duration.ofHours(48)));
        reminders.fire(new Reminder(kept.id(), ReminderKind.BEFORE_48_HOURS, START));
        reminders.fire(new Reminder(dropped.id(), ReminderKind.BEFORE_48_HOURS, dropped.start()));
        NotificationKey keptSms = NotificationKey.reminder(kept.id(), ReminderKind.BEFORE_48_HOURS, Channel.SMS);
        assertThat(ledger.state(keptSms)).contains(State.PARKED);
        assertThat(notifications.emails).hasSize(2);

        notifications.smsFailure = null;
        reservations.put(dropped.id(), dropped.requestCancellation(clock.instant()).cancel(clock.instant()));
        clock.advance(Duration.ofMinutes(5));
        OutcomeNotifier outcomes = new OutcomeNotifier(patients, CenterMother::center, notifications,
                new RecordingEvents(), ledger, new InMemoryRecipientQuota(), Notifier.SETTINGS, clock);
        // the retrier's own container: the first one's SMS breaker is open after its failed calls
        ReminderNotifier retried = notifier(Notifier.SETTINGS);
        new ParkedNotificationRetrier(ledger, new StoredReservations(reservations), outcomes, clock, 10)
                .withReminders(retried).retryDue();

        assertThat(notifications.texts).singleElement().satisfies(sms -> assertThat(sms.text()).contains("reminder"));
        assertThat(ledger.state(keptSms)).contains(State.SENT);
        assertThat(ledger.parked(NotificationKey.reminder(dropped.id(), ReminderKind.BEFORE_48_HOURS, Channel.SMS)))
                .hasValueSatisfying(p -> {
                    assertThat(p.retryable()).isFalse();
                    assertThat(p.reason()).contains("no longer confirmed");
                });
        retried.fire(new Reminder(kept.id(), ReminderKind.BEFORE_48_HOURS, START));
        assertThat(notifications.texts).hasSize(1);
    }

    @Test
    void remindersCountAgainstTheRecipientsMessageLimit() {
        registered("en");
        Reservation first = confirmed(START);
        Reservation second = confirmed(START.plusSeconds(900));
        ReminderNotifier reminders = notifier(Notifier.SETTINGS.withMessageLimit(MessageLimit.perHour(1)));
        clock.advanceTo(second.start().minus(Duration.ofHours(48)));

        reminders.fire(new Reminder(first.id(), ReminderKind.BEFORE_48_HOURS, first.start()));
        reminders.fire(new Reminder(second.id(), ReminderKind.BEFORE_48_HOURS, second.start()));

        assertThat(notifications.emails).hasSize(1);
        assertThat(notifications.texts).hasSize(1);
        assertThat(ledger.parked(NotificationKey.reminder(second.id(), ReminderKind.BEFORE_48_HOURS, Channel.EMAIL)))
                .hasValueSatisfying(p -> assertThat(p.reason()).startsWith("message limit"));
    }
}
