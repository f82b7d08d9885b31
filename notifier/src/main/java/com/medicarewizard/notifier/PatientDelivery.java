package com.medicarewizard.notifier;

import com.medicarewizard.domain.notification.Channel;
import com.medicarewizard.domain.notification.NotificationKey;
import com.medicarewizard.domain.notification.ParkedNotification;
import com.medicarewizard.domain.patient.Patient;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.port.NotificationLedger;
import com.medicarewizard.port.Notifications;
import com.medicarewizard.port.Patients;
import com.medicarewizard.port.RecipientQuota;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.time.Clock;
import java.util.Optional;

/**
 * One side effect, at most once: sends it through its guarded call and marks it SENT in the ledger, or
 * answers why not, for the caller to park. A message to a patient also passes the recipient's
 * {@link MessageLimit} first. Shared by outcomes and reminders, so both keep one idempotency and one
 * limit (docs/adr/0003, docs/adr/0018).
 */
final class PatientDelivery {
    private static final Logger LOG = LogManager.getLogger(PatientDelivery.class);
    private final Patients patients;
    private final Notifications notifications;
    private final NotificationLedger ledger;
    private final NotifierSettings settings;
    private final GuardedCalls calls;
    private final RecipientLimit recipients;
    private final Clock clock;

    /** The two messages of one side effect's subject; the key's channel picks one. */
    interface Message {
        Notifications.Email email(Patient patient);

        Notifications.Sms sms(Patient patient);
    }

    PatientDelivery(Patients patients, Notifications notifications, NotificationLedger ledger, RecipientQuota quota,
                    NotifierSettings settings, Clock clock) {
        this.patients = patients;
        this.notifications = notifications;
        this.ledger = ledger;
        this.settings = settings;
        this.calls = new GuardedCalls(settings);
        this.recipients = new RecipientLimit(quota, settings.messageLimit(), clock);
        this.clock = clock;
    }

    GuardedCalls calls() {
        return calls;
    }

    /** Whether the side effect is neither SENT nor PARKED yet. */
    boolean pending(NotificationKey key) {
        return ledger.state(key).isEmpty();
    }

    /**
     * Whether the key's message is to a patient who erased their account, or is erasing it: then it is not
     * sent, nor retried nor parked, so nothing of theirs is written again. Never true of a domain event (it
     * names no one).
     */
    boolean toErasedPatient(NotificationKey key, PatientId patient) {
        if (key.channel() == Channel.EVENT) {
            return false;
        }
        if (patient.isErased() || patients.isErased(patient)) {
            LOG.info("{} not sent: the patient erased their account", key);
            return true;
        }
        return false;
    }

    /**
     * Sends the patient's message on the key's channel. A patient who cannot be found is a permanent
     * failure: left unmarked and unparked, it would be tried on every redelivery and, once parked,
     * by every run of the retrier — forever, and unseen by operators. So is a message over the
     * recipient's limit: it waits for an operator, never retried on its own.
     */
    Optional<GuardedCalls.Result> toPatient(NotificationKey key, PatientId patientId, Message message) {
        Optional<Patient> patient = patients.find(patientId);
        if (patient.isEmpty()) {
            LOG.warn("patient of reservation {} is unknown: {} not sent", key.reservation(), key.channel());
            return Optional.of(new GuardedCalls.Result(false, true, "patient not found"));
        }
        if (!recipients.admits(key, address(key.channel(), patient.get()))) {
            LOG.warn("{} not sent: {} has had {} messages within {} min", key, masked(key.channel(), patient.get()),
                    recipients.limit().perWindow(), recipients.limit().window().toMinutes());
            return Optional.of(new GuardedCalls.Result(false, true, recipients.limit().reason()));
        }
        Patient p = patient.get();
        return call(key, key.channel() == Channel.EMAIL
                ? () -> notifications.send(message.email(p))
                : () -> notifications.send(message.sms(p)));
    }

    /** Empty when {@code send} went through and the side effect is marked SENT. */
    Optional<GuardedCalls.Result> call(NotificationKey key, Runnable send) {
        GuardedCalls.Result result = calls.call(key.channel(), send);
        if (!result.sent()) {
            return Optional.of(result);
        }
        if (ledger.markSent(key, clock.instant())) {
            LOG.info("{} sent", key);
        }
        return Optional.empty();
    }

    /** Parks a side effect after its first failed attempt, with the recipient masked. */
    void park(NotificationKey key, PatientId patientId, GuardedCalls.Result failure) {
        String recipient = key.channel() == Channel.EVENT ? "event bus"
                : patients.find(patientId).map(p -> masked(key.channel(), p)).orElse("unknown");
        ledger.park(ParkedNotification.first(key, recipient, failure.reason(), !failure.permanent(), clock.instant(),
                settings.firstParkPause()));
        LOG.warn("{} parked ({}): {}", key, failure.permanent() ? "permanent" : "will be retried", failure.reason());
    }

    /** Re-parks a parked side effect whose attempt failed again. */
    void parkAgain(ParkedNotification parked, GuardedCalls.Result failure) {
        ParkedNotification again = parked.failedAgain(failure.reason(), !failure.permanent(), clock.instant(),
                settings.firstParkPause());
        ledger.park(again);
        LOG.warn("{} failed again (attempt {}), {}: {}", parked.key(), again.attempts(),
                again.retryable() ? "next attempt at " + again.nextAttemptAt().orElseThrow() : "left to operators",
                failure.reason());
    }

    /** Parks a parked side effect for good because its patient erased their account, without an attempt. */
    void parkRecipientErased(ParkedNotification parked) {
        ledger.park(parked.recipientErased());
    }

    /** Parks a parked side effect for good, without an attempt. */
    void parkForGood(ParkedNotification parked, String why) {
        ledger.park(parked.failedForGood(why));
    }

    private static String address(Channel channel, Patient patient) {
        return channel == Channel.EMAIL ? patient.email().value() : patient.phone().value();
    }

    private static String masked(Channel channel, Patient patient) {
        return channel == Channel.EMAIL ? Masks.email(patient.email().value()) : patient.phone().masked();
    }
}
