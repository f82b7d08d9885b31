package com.medicarewizard.notifier;

import com.medicarewizard.domain.event.ReservationEvent;
import com.medicarewizard.domain.notification.Channel;
import com.medicarewizard.domain.notification.NotificationKey;
import com.medicarewizard.domain.notification.ParkedNotification;
import com.medicarewizard.domain.patient.Patient;
import com.medicarewizard.port.CenterCatalog;
import com.medicarewizard.port.DomainEvents;
import com.medicarewizard.port.NotificationLedger;
import com.medicarewizard.port.Notifications;
import com.medicarewizard.port.Patients;
import com.medicarewizard.port.RecipientQuota;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

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
 */
public final class OutcomeNotifier {
    private static final Logger LOG = LogManager.getLogger(OutcomeNotifier.class);
    private final Patients patients;
    private final CenterCatalog catalog;
    private final Notifications notifications;
    private final DomainEvents events;
    private final NotificationLedger ledger;
    private final NotifierSettings settings;
    private final GuardedCalls calls;
    private final RecipientLimit recipients;
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
        this.rebooking = rebooking;
        this.patients = patients;
        this.catalog = catalog;
        this.notifications = notifications;
        this.events = events;
        this.ledger = ledger;
        this.settings = settings;
        this.calls = new GuardedCalls(settings);
        this.recipients = new RecipientLimit(quota, settings.messageLimit(), clock);
        this.clock = clock;
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
            if (change.tells(channel) && ledger.state(key).isEmpty()) {
                if (toErasedPatient(key, change)) {
                    LOG.info("{} not sent: the patient erased their account", key);
                    continue;
                }
                if (!budget.allows(calls.worstCase())) {
                    throw new TimeBudget.Exhausted(key.toString(), calls.worstCase(), budget.remaining());
                }
                attempt(key, change).ifPresent(failure -> park(key, change, failure));
            }
        }
    }

    /**
     * A message to a patient who erased their account, or is erasing it, is not sent: nor retried nor
     * parked, so nothing of theirs is written again (the domain event names no one, and is published).
     */
    private boolean toErasedPatient(NotificationKey key, OutcomeChange change) {
        if (key.channel() == Channel.EVENT) {
            return false;
        }
        var patient = change.reservation().patient();
        return patient.isErased() || patients.isErased(patient);
    }

    /** The longest one side effect (its calls, their back-off and its ledger writes) can take. */
    Duration sideEffectWorstCase() {
        return calls.worstCase();
    }

    /** Tries a parked side effect again (the retrier's and the operators' way). */
    public void retry(ParkedNotification parked, OutcomeChange change) {
        if (toErasedPatient(parked.key(), change)) {
            ledger.park(parked.recipientErased());
            return;
        }
        if (!change.tells(parked.key().channel())) {
            ledger.park(parked.failedForGood("not sent on this channel for this outcome"));
            return;
        }
        attempt(parked.key(), change).ifPresent(failure -> {
            ParkedNotification again = parked.failedAgain(failure.reason(), !failure.permanent(), clock.instant(),
                    settings.firstParkPause());
            ledger.park(again);
            LOG.warn("{} failed again (attempt {}), {}: {}", parked.key(), again.attempts(),
                    again.retryable() ? "next attempt at " + again.nextAttemptAt().orElseThrow() : "left to operators",
                    failure.reason());
        });
    }

    /**
     * Empty when the side effect was sent (and marked). A patient who cannot be found is a permanent
     * failure: left unmarked and unparked, it would be tried on every redelivery and, once parked,
     * by every run of the retrier — forever, and unseen by operators. So is a message over the
     * recipient's limit: it waits for an operator, never retried on its own.
     */
    private Optional<GuardedCalls.Result> attempt(NotificationKey key, OutcomeChange change) {
        Runnable send;
        if (key.channel() == Channel.EVENT) {
            send = () -> events.publish(ReservationEvent.of(change.reservation(), change.outcome()));
        } else {
            Optional<Patient> patient = patients.find(change.reservation().patient());
            if (patient.isEmpty()) {
                LOG.warn("patient of reservation {} is unknown: {} not sent", change.reservation().id(), key.channel());
                return Optional.of(new GuardedCalls.Result(false, true, "patient not found"));
            }
            if (!recipients.admits(key, address(key.channel(), patient.get()))) {
                LOG.warn("{} not sent: {} has had {} messages within {} min", key, masked(key.channel(), patient.get()),
                        recipients.limit().perWindow(), recipients.limit().window().toMinutes());
                return Optional.of(new GuardedCalls.Result(false, true, recipients.limit().reason()));
            }
            send = sender(key.channel(), change, patient.get());
        }
        GuardedCalls.Result result = calls.call(key.channel(), send);
        if (!result.sent()) {
            return Optional.of(result);
        }
        if (ledger.markSent(key, clock.instant())) {
            LOG.info("{} sent", key);
        }
        return Optional.empty();
    }

    private Runnable sender(Channel channel, OutcomeChange change, Patient patient) {
        OutcomeMessages messages = new OutcomeMessages(catalog.current(), rebooking, clock.instant());
        return channel == Channel.EMAIL
                ? () -> notifications.send(messages.email(change, patient))
                : () -> notifications.send(messages.sms(change, patient));
    }

    private static String address(Channel channel, Patient patient) {
        return channel == Channel.EMAIL ? patient.email().value() : patient.phone().value();
    }

    private static String masked(Channel channel, Patient patient) {
        return channel == Channel.EMAIL ? Masks.email(patient.email().value()) : patient.phone().masked();
    }

    private void park(NotificationKey key, OutcomeChange change, GuardedCalls.Result failure) {
        ParkedNotification parked = ParkedNotification.first(key, maskedRecipient(key.channel(), change),
                failure.reason(), !failure.permanent(), clock.instant(), settings.firstParkPause());
        ledger.park(parked);
        LOG.warn("{} parked ({}): {}", key, failure.permanent() ? "permanent" : "will be retried", failure.reason());
    }

    private String maskedRecipient(Channel channel, OutcomeChange change) {
        if (channel == Channel.EVENT) {
            return "event bus";
        }
        return patients.find(change.reservation().patient()).map(p -> masked(channel, p)).orElse("unknown");
    }
}
