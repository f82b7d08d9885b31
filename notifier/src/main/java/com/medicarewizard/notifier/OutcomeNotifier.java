package com.medicarewizard.notifier;

import com.medicarewizard.domain.event.ReservationEvent;
import com.medicarewizard.domain.notification.Channel;
import com.medicarewizard.domain.notification.NotificationKey;
import com.medicarewizard.domain.notification.ParkedNotification;
import com.medicarewizard.domain.reminder.Reminder;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.port.CenterCatalog;
import com.medicarewizard.port.DomainEvents;
import com.medicarewizard.port.NotificationLedger;
import com.medicarewizard.port.Notifications;
import com.medicarewizard.port.Patients;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.port.RecipientQuota;
import com.medicarewizard.port.ReminderSchedule;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The notifier's use case: tells the world about one outcome — the domain event, the patient's
 * e-mail and (except for a rejection) SMS — each side effect at most once, each message within the
 * recipient's {@link MessageLimit}. A side effect already marked SENT or PARKED is
 * skipped (a redelivered or replayed record sends nothing more), and so is a message to a patient who
 * erased their account; one that succeeds is marked SENT
 * with a condition; one that keeps failing is parked for the retrier and the operators, so the
 * stream moves on. Only a failure to record what happened (the ledger) propagates: then the record
 * must come again.
 *
 * <p>With a {@link ReminderSchedule} ({@link #withReminders}) it also keeps the reservation's reminders
 * in step with it: a confirmation schedules those not yet due ({@code ReminderKind#worthScheduling}), a
 * cancellation — by the patient, or by a move, which cancels the time it replaces — deletes them. A
 * failure to schedule propagates as a ledger failure does: the record comes again, and what was already
 * sent is skipped.
 */
public final class OutcomeNotifier {
    private final CenterCatalog catalog;
    private final DomainEvents events;
    private final PatientDelivery delivery;
    private final Optional<ReminderSchedule> reminders;
    private final Optional<WaitlistOffers> waitlist;
    private final Clock clock;
    /** What a booking the center cancelled is offered instead; none: its message names no other time. */
    private final Optional<Rebooking> rebooking;

    public OutcomeNotifier(Patients patients, CenterCatalog catalog, Notifications notifications, DomainEvents events,
                           NotificationLedger ledger, RecipientQuota quota, NotifierSettings settings, Clock clock) {
        this(patients, catalog, notifications, events, ledger, quota, settings, clock, Optional.empty());
    }

    /** @param rebooking the nearest free times and the link a patient whose booking the center cancelled is sent */
    public OutcomeNotifier(Patients patients, CenterCatalog catalog, Notifications notifications, DomainEvents events,
                           NotificationLedger ledger, RecipientQuota quota, NotifierSettings settings, Clock clock,
                           Optional<Rebooking> rebooking) {
        this(catalog, events, new PatientDelivery(patients, notifications, ledger, quota, settings, clock),
                Optional.empty(), Optional.empty(), clock, rebooking);
    }

    private OutcomeNotifier(CenterCatalog catalog, DomainEvents events, PatientDelivery delivery,
                            Optional<ReminderSchedule> reminders, Optional<WaitlistOffers> waitlist, Clock clock,
                            Optional<Rebooking> rebooking) {
        this.waitlist = waitlist;
        this.rebooking = rebooking;
        this.catalog = catalog;
        this.events = events;
        this.delivery = delivery;
        this.reminders = reminders;
        this.clock = clock;
    }

    /** This notifier, also scheduling each confirmed reservation's reminders and cancelling them with it. */
    public OutcomeNotifier withReminders(ReminderSchedule schedule) {
        return new OutcomeNotifier(catalog, events, delivery, Optional.of(schedule), waitlist, clock, rebooking);
    }

    /**
     * This notifier, also offering each freed time to the waitlist ({@link WaitlistOffers}) and closing the
     * entry of an offer accepted. With {@link #withReminders}, a HELD offer's lapse is scheduled too.
     */
    public OutcomeNotifier withWaitlist(WaitlistOffers offers) {
        return new OutcomeNotifier(catalog, events, delivery, reminders, Optional.of(offers), clock, rebooking);
    }

    /** Every side effect of the outcome that is not yet SENT or PARKED, on the channels that tell it. */
    public void notify(OutcomeChange change) {
        notify(change, TimeBudget.unlimited());
    }

    /**
     * As {@link #notify(OutcomeChange)}, starting each side effect only while {@code budget} holds the
     * longest it can take ({@link #sideEffectWorstCase()}).
     *
     * @throws TimeBudget.Exhausted when a side effect is left: those done are marked, so the record's
     *     next delivery starts where this one stopped
     */
    public void notify(OutcomeChange change, TimeBudget budget) {
        for (Channel channel : Channel.values()) {
            NotificationKey key = change.key(channel);
            if (change.tells(channel) && delivery.pending(key)) {
                if (delivery.toErasedPatient(key, change.reservation().patient())) {
                    continue;
                }
                require(budget, key.toString());
                attempt(key, change).ifPresent(failure -> delivery.park(key, change.reservation().patient(), failure));
            }
        }
        reminders.ifPresent(schedule -> followReminders(schedule, change, budget));
        waitlist.ifPresent(offers -> followWaitlist(offers, change, budget));
    }

    /** The longest one side effect (its calls, their back-off and its ledger writes) can take. */
    Duration sideEffectWorstCase() {
        return delivery.calls().worstCase();
    }

    /** Tries a parked side effect again (the retrier's and the operators' way). */
    public void retry(ParkedNotification parked, OutcomeChange change) {
        if (delivery.toErasedPatient(parked.key(), change.reservation().patient())) {
            delivery.parkRecipientErased(parked);
            return;
        }
        if (!change.tells(parked.key().channel())) {
            delivery.parkForGood(parked, "not sent on this channel for this outcome");
            return;
        }
        if (change.outcome() == ReservationStatus.HELD && !change.reservation().isAcceptable(clock.instant())) {
            // "held for you until …" is no longer true: the offer lapsed, was declined, accepted or confirmed
            delivery.parkForGood(parked, "the offer is no longer held");
            return;
        }
        attempt(parked.key(), change).ifPresent(failure -> delivery.parkAgain(parked, failure));
    }

    private Optional<GuardedCalls.Result> attempt(NotificationKey key, OutcomeChange change) {
        if (key.channel() == Channel.EVENT) {
            return delivery.call(key, () -> events.publish(ReservationEvent.of(change.reservation(), change.outcome())));
        }
        OutcomeMessages messages = new OutcomeMessages(catalog.current(), rebooking, clock.instant());
        return delivery.toPatient(key, change.reservation().patient(), new PatientDelivery.Message() {
            @Override
            public Notifications.Email email(com.medicarewizard.domain.patient.Patient patient) {
                return messages.email(change, patient);
            }

            @Override
            public Notifications.Sms sms(com.medicarewizard.domain.patient.Patient patient) {
                return messages.sms(change, patient);
            }
        });
    }

    /**
     * Schedules a confirmed reservation's reminders not yet due; deletes a cancelled one's. A request
     * cancelled before it was decided never held a time nor had reminders: nothing to delete.
     */
    private void followReminders(ReminderSchedule schedule, OutcomeChange change, TimeBudget budget) {
        Reservation r = change.reservation();
        if (change.outcome() == ReservationStatus.HELD) {
            require(budget, "lapse of " + r.id());
            schedule.schedule(Reminder.lapseOf(r));
            return;
        }
        boolean confirmed = change.outcome() == ReservationStatus.CONFIRMED;
        if (!confirmed && (change.outcome() != ReservationStatus.CANCELLED || r.resources().isEmpty())) {
            return;
        }
        for (Reminder reminder : Reminder.of(r)) {
            if (confirmed && !reminder.kind().worthScheduling(r.start(), clock.instant())) {
                continue;
            }
            require(budget, reminder.name());
            if (confirmed) {
                schedule.schedule(reminder);
            } else {
                schedule.cancel(reminder);
            }
        }
    }

    /** A freed time goes to the waitlist; an offer CONFIRMED closes its entry. */
    private void followWaitlist(WaitlistOffers offers, OutcomeChange change, TimeBudget budget) {
        Reservation r = change.reservation();
        if (change.outcome() == ReservationStatus.CONFIRMED && r.isOffer()) {
            require(budget, "waitlist entry of " + r.id());
            offers.accepted(r);
        } else if (WaitlistOffers.freesTime(r, clock.instant())) {
            require(budget, "offer of " + r.id());
            offers.offer(r);
        }
    }

    private void require(TimeBudget budget, String what) {
        if (!budget.allows(sideEffectWorstCase())) {
            throw new TimeBudget.Exhausted(what, sideEffectWorstCase(), budget.remaining());
        }
    }
}
