package com.medicarewizard.notifier;

import com.medicarewizard.domain.notification.ParkedNotification;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.port.NotificationLedger;
import com.medicarewizard.port.Reservations;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import com.medicarewizard.domain.notification.NotificationKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Tries the parked side effects that are due again (on a schedule: an EventBridge rule in AWS, a
 * timer locally). The message is rebuilt from the stored reservation, so nothing personal was
 * kept with the parked record. Each try doubles the pause, and after
 * {@link ParkedNotification#MAX_ATTEMPTS} the notification waits for an operator: never lost,
 * never retried forever.
 *
 * <p>The due list comes from an index, which DynamoDB keeps eventually consistent: it can still show
 * a notification sent or re-parked a moment ago. So each one is read again, strongly consistent, and
 * taken with a conditional write ({@link NotificationLedger#claim}) before it is sent; one that
 * changed since, or that another run took first, is left alone and nothing is sent twice.
 */
public final class ParkedNotificationRetrier {
    private static final Logger LOG = LogManager.getLogger(ParkedNotificationRetrier.class);
    private final NotificationLedger ledger;
    private final Reservations reservations;
    private final OutcomeNotifier notifier;
    private final Clock clock;
    private final int batch;
    private final Optional<ReminderNotifier> reminders;

    public ParkedNotificationRetrier(NotificationLedger ledger, Reservations reservations, OutcomeNotifier notifier,
                                     Clock clock, int batch) {
        this(ledger, reservations, notifier, clock, batch, Optional.empty());
    }

    private ParkedNotificationRetrier(NotificationLedger ledger, Reservations reservations, OutcomeNotifier notifier,
                                      Clock clock, int batch, Optional<ReminderNotifier> reminders) {
        this.ledger = ledger;
        this.reservations = reservations;
        this.notifier = notifier;
        this.clock = clock;
        this.batch = batch;
        this.reminders = reminders;
    }

    /** This retrier, also trying parked reminders again (through {@code reminders}, which checks they still stand). */
    public ParkedNotificationRetrier withReminders(ReminderNotifier reminders) {
        return new ParkedNotificationRetrier(ledger, reservations, notifier, clock, batch, Optional.of(reminders));
    }

    /** Answers how many due notifications were tried. */
    public int retryDue() {
        return retryDue(TimeBudget.unlimited());
    }

    /**
     * As {@link #retryDue()}, starting each attempt only while {@code budget} holds the longest it can
     * take: the ones left stay due and the next run takes them.
     */
    public int retryDue(TimeBudget budget) {
        var due = ledger.due(clock.instant(), batch);
        int tried = 0;
        for (ParkedNotification listed : due) {
            if (!budget.allows(notifier.sideEffectWorstCase())) {
                LOG.info("out of time after {} of {} due notifications; the rest stay due ({} ms left)", tried,
                        due.size(), budget.remaining().toMillis());
                return tried;
            }
            Optional<ParkedNotification> taken = take(listed.key());
            if (taken.isEmpty()) {
                LOG.info("{} left alone: sent, re-parked or taken since the due list was read", listed.key());
                continue;
            }
            ParkedNotification parked = taken.get();
            tried++;
            if (parked.key().reminder().isPresent()) {
                retryReminder(parked);
                continue;
            }
            Reservation reservation = reservations.find(parked.key().reservation()).orElse(null);
            if (reservation == null) {
                LOG.warn("{} stays parked: its reservation is gone", parked.key());
                ledger.park(parked.failedForGood("reservation not found"));
                continue;
            }
            notifier.retry(parked, new OutcomeChange(reservation, parked.key().outcome()));
        }
        return tried;
    }

    private void retryReminder(ParkedNotification parked) {
        if (reminders.isEmpty()) {
            LOG.warn("{} stays parked: this retrier sends no reminders", parked.key());
            ledger.park(parked.failedForGood("no reminder sender here"));
            return;
        }
        reminders.get().retry(parked);
    }

    /**
     * The notification as it is now, if it is still due and this run took it. Taken until twice the
     * longest an attempt can take, counted from the moment of the claim, not from the start of the run:
     * late in a long run (earlier attempts took their time) a hold counted from the start would already
     * have run out when written, and an overlapping run or an operator's "retry now" could send it
     * again. The attempt's own write replaces the hold, and a run that dies half-way leaves it due again then.
     */
    private Optional<ParkedNotification> take(NotificationKey key) {
        Instant now = clock.instant();
        return ledger.parked(key)
                .filter(p -> p.nextAttemptAt().filter(at -> !at.isAfter(now)).isPresent())
                .filter(p -> ledger.claim(p, now.plus(notifier.sideEffectWorstCase().multipliedBy(2))));
    }
}
