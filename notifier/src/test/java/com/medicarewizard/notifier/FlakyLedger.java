package com.medicarewizard.notifier;

import com.medicarewizard.domain.notification.NotificationKey;
import com.medicarewizard.domain.notification.ParkedNotification;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.port.NotificationLedger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A ledger whose next {@code failures} "sent" marks fail, as a table that times out would: the record comes again. */
final class FlakyLedger implements NotificationLedger {
    final AtomicInteger failures = new AtomicInteger();
    /** When set, what {@link #due} answers: an index read before the latest writes, as DynamoDB's GSIs may be. */
    List<ParkedNotification> staleDue;
    private final NotificationLedger ledger;

    FlakyLedger(NotificationLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public Optional<State> state(NotificationKey key) {
        return ledger.state(key);
    }

    @Override
    public boolean markSent(NotificationKey key, Instant at) {
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("table timed out");
        }
        return ledger.markSent(key, at);
    }

    @Override
    public boolean park(ParkedNotification parked) {
        return ledger.park(parked);
    }

    @Override
    public Optional<ParkedNotification> parked(NotificationKey key) {
        return ledger.parked(key);
    }

    @Override
    public boolean claim(ParkedNotification seen, Instant until) {
        return ledger.claim(seen, until);
    }

    @Override
    public void forgetRecipients(ReservationId reservation) {
        ledger.forgetRecipients(reservation);
    }

    @Override
    public List<ParkedNotification> parked(int limit) {
        return ledger.parked(limit);
    }

    @Override
    public List<ParkedNotification> due(Instant now, int limit) {
        return staleDue != null ? staleDue : ledger.due(now, limit);
    }
}
