package com.medicarewizard.notifier;

import com.medicarewizard.domain.notification.Channel;
import com.medicarewizard.domain.notification.NotificationKey;
import com.medicarewizard.domain.notification.ParkedNotification;
import com.medicarewizard.domain.patient.Patient;
import com.medicarewizard.domain.reminder.Reminder;
import com.medicarewizard.domain.reminder.ReminderKind;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.port.CenterCatalog;
import com.medicarewizard.port.NotificationLedger;
import com.medicarewizard.port.Notifications;
import com.medicarewizard.port.Patients;
import com.medicarewizard.port.RecipientQuota;
import com.medicarewizard.port.ReservationQueue;
import com.medicarewizard.port.Reservations;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The reminder function's use case: a schedule fired a {@link Reminder}; send it by e-mail and SMS if,
 * now, it still stands. The schedule holds ids and times only, so the reservation and the patient are
 * read again here: a reservation no longer CONFIRMED at the reminded start (cancelled, moved — a move
 * cancels the old reservation and confirms a new one — or never confirmed) gets nothing, nor does a
 * reminder past its use ({@link ReminderKind#worthSending}), nor a 2-hour one the patient does not
 * want (the wish as it is now, so that it applies to bookings made before it changed). Each channel
 * goes out once whatever the scheduler's repeated firings: a marker per reminder and channel in the
 * notification ledger, as outcomes have ({@link PatientDelivery}); what fails is parked for the retrier.
 */
public final class ReminderNotifier {
    private static final Logger LOG = LogManager.getLogger(ReminderNotifier.class);
    private static final List<Channel> CHANNELS = List.of(Channel.EMAIL, Channel.SMS);
    private final Reservations reservations;
    private final Patients patients;
    private final CenterCatalog catalog;
    private final PatientDelivery delivery;
    private final Clock clock;
    private final Optional<OfferLapses> lapses;

    /** What a firing came to. */
    public enum Result {
        /** Every channel is sent or parked (now, or by an earlier firing). */
        DONE,
        /** The reservation is not CONFIRMED at the reminded start any more (or is gone): nothing sent. */
        STALE,
        /** Fired later than the reminder is of use: nothing sent. */
        TOO_LATE,
        /** A 2-hour reminder the patient does not want: nothing sent. */
        NOT_WANTED
    }

    public ReminderNotifier(Reservations reservations, Patients patients, CenterCatalog catalog,
                            Notifications notifications, NotificationLedger ledger, RecipientQuota quota,
                            NotifierSettings settings, Clock clock) {
        this(reservations, patients, catalog, new PatientDelivery(patients, notifications, ledger, quota, settings, clock),
                clock, Optional.empty());
    }

    private ReminderNotifier(Reservations reservations, Patients patients, CenterCatalog catalog,
                             PatientDelivery delivery, Clock clock, Optional<OfferLapses> lapses) {
        this.reservations = reservations;
        this.patients = patients;
        this.catalog = catalog;
        this.delivery = delivery;
        this.clock = clock;
        this.lapses = lapses;
    }

    /** This use case, also ending the holds of offers from the waitlist ({@link ReminderKind#OFFER_LAPSES}) through {@code queue}. */
    public ReminderNotifier withOfferLapses(ReservationQueue queue) {
        return new ReminderNotifier(reservations, patients, catalog, delivery, clock,
                Optional.of(new OfferLapses(reservations, queue, clock)));
    }

    public Result fire(Reminder reminder) {
        return fire(reminder, TimeBudget.unlimited());
    }

    /**
     * Sends what of the reminder is not yet SENT or PARKED, starting each message only while {@code budget}
     * holds the longest it can take.
     *
     * @throws NotDueException when a reminder that still stands is fired before its time (no schedule does
     *     that: the caller fails, and the scheduler fires it again); one that no longer stands is STALE at any time
     * @throws TimeBudget.Exhausted when a channel is left; the next firing starts where this one stopped
     */
    public Result fire(Reminder reminder, TimeBudget budget) {
        if (reminder.kind() == ReminderKind.OFFER_LAPSES) {
            return lapses.map(l -> l.lapse(reminder)).orElseThrow(() ->
                    new IllegalStateException("this reminder function ends no offer's hold: " + reminder));
        }
        Optional<Reservation> standing = reservations.find(reminder.reservation())
                .filter(r -> r.status() == ReservationStatus.CONFIRMED && r.start().equals(reminder.start()));
        if (standing.isEmpty()) {
            LOG.info("{} not sent: the reservation is no longer confirmed at that time", reminder);
            return Result.STALE;
        }
        Instant now = clock.instant();
        if (now.isBefore(reminder.dueAt())) {
            throw new NotDueException(reminder);
        }
        if (!reminder.kind().worthSending(reminder.start(), now)) {
            LOG.info("{} not sent: fired at {}, past its use", reminder, now);
            return Result.TOO_LATE;
        }
        Reservation reservation = standing.get();
        if (!wanted(reminder.kind(), reservation)) {
            return Result.NOT_WANTED;
        }
        for (Channel channel : CHANNELS) {
            NotificationKey key = NotificationKey.reminder(reservation.id(), reminder.kind(), channel);
            if (delivery.pending(key)) {
                if (delivery.toErasedPatient(key, reservation.patient())) {
                    continue;
                }
                if (!budget.allows(delivery.calls().worstCase())) {
                    throw new TimeBudget.Exhausted(key.toString(), delivery.calls().worstCase(), budget.remaining());
                }
                attempt(key, reservation).ifPresent(failure -> delivery.park(key, reservation.patient(), failure));
            }
        }
        return Result.DONE;
    }

    /** Tries a parked reminder again, if it still stands (the retrier's and the operators' way). */
    public void retry(ParkedNotification parked) {
        ReminderKind kind = parked.key().reminder().orElseThrow(() ->
                new IllegalArgumentException(parked.key() + " is no reminder"));
        Optional<Reservation> standing = reservations.find(parked.key().reservation())
                .filter(r -> r.status() == ReservationStatus.CONFIRMED);
        if (standing.isPresent() && delivery.toErasedPatient(parked.key(), standing.get().patient())) {
            delivery.parkRecipientErased(parked);
        } else if (standing.isEmpty()) {
            delivery.parkForGood(parked, "the reservation is no longer confirmed");
        } else if (!kind.worthSending(standing.get().start(), clock.instant())) {
            delivery.parkForGood(parked, "too late to remind: the appointment is near or past");
        } else {
            attempt(parked.key(), standing.get()).ifPresent(failure -> delivery.parkAgain(parked, failure));
        }
    }

    private boolean wanted(ReminderKind kind, Reservation reservation) {
        if (kind != ReminderKind.BEFORE_2_HOURS) {
            return true;
        }
        // an unknown patient is left to the delivery, which parks it for the operators to see
        return patients.find(reservation.patient()).map(Patient::remindTwoHoursBefore).orElse(true);
    }

    private Optional<GuardedCalls.Result> attempt(NotificationKey key, Reservation reservation) {
        OutcomeMessages messages = new OutcomeMessages(catalog.current());
        ReminderKind kind = key.reminder().orElseThrow();
        return delivery.toPatient(key, reservation.patient(), new PatientDelivery.Message() {
            @Override
            public Notifications.Email email(Patient patient) {
                return messages.reminderEmail(reservation, kind, patient);
            }

            @Override
            public Notifications.Sms sms(Patient patient) {
                return messages.reminderSms(reservation, kind, patient);
            }
        });
    }

    /** A reminder fired before its time. */
    public static final class NotDueException extends RuntimeException {
        NotDueException(Reminder reminder) {
            super(reminder + " fired before it is due");
        }
    }
}
