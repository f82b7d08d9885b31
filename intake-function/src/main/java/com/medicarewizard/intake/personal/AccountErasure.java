package com.medicarewizard.intake.personal;

import com.medicarewizard.domain.notification.Channel;
import com.medicarewizard.domain.patient.Patient;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.intake.http.Problems;
import com.medicarewizard.intake.reservation.CancelCommand;
import com.medicarewizard.port.NotificationLedger;
import com.medicarewizard.port.Patients;
import com.medicarewizard.port.RecipientQuota;
import com.medicarewizard.port.ReservationQueue;
import com.medicarewizard.port.Reservations;
import com.medicarewizard.port.SentNotifications;
import com.medicarewizard.port.Tokens;
import com.medicarewizard.port.Waitlist;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Erases a patient's account, in steps that can each be done again, so that an erasure cut short (a
 * crash, a timeout, a queue that refused a command) is finished by the next call, which the patient can
 * still make: until the last step their account is found and their sessions work (docs/adr/0017).
 * <ol>
 * <li>the account is marked as being erased: from then on nothing more is sent to them; its other
 *     sessions and devices are revoked, so that no other tab or device books meanwhile (this one finishes
 *     the erasure);</li>
 * <li>what is ahead is cancelled through the queue and the allocator, as the patient's own cancellation
 *     is: a PENDING request (it is cancelled, never decided), a CONFIRMED booking not yet started (its
 *     time is freed);</li>
 * <li>every reservation is kept for the center's records, naming no one; its parked notifications lose
 *     their recipient;</li>
 * <li>the count of messages sent to their address and number (the message limit's) and the messages
 *     kept for them (the local outbox) go;</li>
 * <li>last, as it ends the patient's means to call again: the account's sessions and device tokens go;
 *     the address is freed and the account item keeps only its id, as erased, for a while; the sessions
 *     go once more (a log-in under way meanwhile).</li>
 * </ol>
 */
public final class AccountErasure {
    private static final Logger LOG = LogManager.getLogger(AccountErasure.class);
    /** Tries of one reservation's anonymisation that meets the allocator's writes before the call is a 503. */
    private static final int ATTEMPTS = 5;
    private final Patients patients;
    private final Reservations reservations;
    private final ReservationQueue queue;
    private final Tokens tokens;
    private final NotificationLedger notifications;
    private final RecipientQuota quota;
    private final Optional<SentNotifications> kept;
    private final Optional<Waitlist> waitlist;

    public AccountErasure(Patients patients, Reservations reservations, ReservationQueue queue, Tokens tokens,
                          NotificationLedger notifications, RecipientQuota quota,
                          Optional<SentNotifications> kept) {
        this(patients, reservations, queue, tokens, notifications, quota, kept, Optional.empty());
    }

    /** @param waitlist where the patient may wait for earlier times: their entries go with the account */
    public AccountErasure(Patients patients, Reservations reservations, ReservationQueue queue, Tokens tokens,
                          NotificationLedger notifications, RecipientQuota quota,
                          Optional<SentNotifications> kept, Optional<Waitlist> waitlist) {
        this.waitlist = waitlist;
        this.patients = patients;
        this.reservations = reservations;
        this.queue = queue;
        this.tokens = tokens;
        this.notifications = notifications;
        this.quota = quota;
        this.kept = kept;
    }

    public void erase(Patient patient, Tokens.Session session, Instant now) {
        patients.beginErasure(patient.id(), now);
        tokens.sessionsOf(patient.id(), now).stream().map(Tokens.Session::tokenHash)
                .filter(hash -> !hash.equals(session.tokenHash())).forEach(tokens::revoke);
        waitlist.ifPresent(entries -> entries.removeAll(patient.id()));
        List<Reservation> own = reservations.ofPatient(patient.id());
        own.forEach(reservation -> cancelIfAhead(patient, reservation, now));
        for (Reservation reservation : own) {
            anonymise(reservation.id());
            notifications.forgetRecipients(reservation.id());
        }
        // what names the address goes while the patient can still call again: after the next step they cannot
        quota.forget(RecipientQuota.subject(Channel.EMAIL, patient.email().value()));
        quota.forget(RecipientQuota.subject(Channel.SMS, patient.phone().value()));
        int messages = kept.map(outbox -> outbox.forget(Set.of(patient.email().value(), patient.phone().value())))
                .orElse(0);
        tokens.revokeAll(patient.id());
        patients.completeErasure(patient, now);
        tokens.revokeAll(patient.id());
        LOG.info("patient {} erased: {} reservations kept anonymised, {} kept messages removed", patient.id(),
                own.size(), messages);
    }

    /**
     * A PENDING request, a CONFIRMED booking not started, or an offer from the waitlist HELD for them:
     * cancelled as the patient would cancel it (a held time then goes to the next patient waiting).
     */
    private void cancelIfAhead(Patient patient, Reservation reservation, Instant now) {
        boolean ahead = reservation.status() == ReservationStatus.PENDING
                || (reservation.status() == ReservationStatus.CONFIRMED || reservation.status() == ReservationStatus.HELD)
                && !reservation.hasStarted(now);
        if (!ahead) {
            return;
        }
        reservations.recordCancelRequest(reservation.id(), patient.id(), now)
                .filter(Reservation::isCancellable)
                .ifPresent(recorded -> CancelCommand.send(queue, recorded));
    }

    /**
     * The reservation as stored, naming no one: a write conditional on its version, read again when the
     * allocator wrote it meanwhile (its cancellation, its decision); the allocator, for its part, reads
     * it again when this write came first.
     */
    private void anonymise(ReservationId id) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<Reservation> stored = reservations.find(id);
            if (stored.isEmpty() || stored.get().patient().isErased()) {
                return;
            }
            try {
                reservations.update(stored.get().anonymised());
                return;
            } catch (Reservations.ConcurrentChangeException changedMeanwhile) {
                LOG.info("reservation {} changed while being anonymised (attempt {})", id, attempt);
            }
        }
        throw Problems.busy().raise();
    }
}
