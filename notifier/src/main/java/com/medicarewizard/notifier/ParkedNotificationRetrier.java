package com.medicarewizard.notifier;

import com.medicarewizard.domain.notification.ParkedNotification;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.port.NotificationLedger;
import com.medicarewizard.port.Reservations;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.time.Clock;

/**
 * Tries the parked side effects that are due again (on a schedule: an EventBridge rule in AWS, a
 * timer locally). The message is rebuilt from the stored reservation, so nothing personal was
 * kept with the parked record. Each try doubles the pause, and after
 * {@link ParkedNotification#MAX_ATTEMPTS} the notification waits for an operator: never lost,
 * never retried forever.
 */
public final class ParkedNotificationRetrier {
    private static final Logger LOG = LogManager.getLogger(ParkedNotificationRetrier.class);
    private final NotificationLedger ledger;
    private final Reservations reservations;
    private final OutcomeNotifier notifier;
    private final Clock clock;
    private final int batch;

    public ParkedNotificationRetrier(NotificationLedger ledger, Reservations reservations, OutcomeNotifier notifier,
                                     Clock clock, int batch) {
        this.ledger = ledger;
        this.reservations = reservations;
        this.notifier = notifier;
        this.clock = clock;
        this.batch = batch;
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
        for (ParkedNotification parked : due) {
            if (!budget.allows(notifier.sideEffectWorstCase())) {
                LOG.info("out of time after {} of {} due notifications; the rest stay due ({} ms left)", tried,
                        due.size(), budget.remaining().toMillis());
                return tried;
            }
            tried++;
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
}
