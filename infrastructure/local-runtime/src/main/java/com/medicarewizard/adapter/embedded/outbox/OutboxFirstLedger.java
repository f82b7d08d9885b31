package com.medicarewizard.adapter.embedded.outbox;

import com.medicarewizard.domain.notification.NotificationKey;
import com.medicarewizard.domain.notification.ParkedNotification;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.port.NotificationLedger;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The notification ledger of the embedded runtime, which records a message as sent only once the
 * outbox line that is the message is on the disk. The notifier sends, then marks; with the outbox
 * forced once per batch ({@link #batch}), a marker written at once could reach the disk before its
 * line — with another writer's force of the table, or the kernel's own write-back — and a power cut
 * between the two would leave a message marked sent that was never recorded: lost, as redelivery
 * skips what is marked. So inside a batch the markers wait in memory (and answer {@link #state} for
 * the batch itself), and are written after the outbox's one force: a power cut before it loses the
 * batch's lines and markers together, and the stream delivers the batch again.
 */
public final class OutboxFirstLedger implements NotificationLedger {
    private final NotificationLedger ledger;
    private final OutboxNotifications outbox;
    private final ThreadLocal<Map<NotificationKey, Instant>> waiting = new ThreadLocal<>();

    public OutboxFirstLedger(NotificationLedger ledger, OutboxNotifications outbox) {
        this.ledger = ledger;
        this.outbox = outbox;
    }

    /**
     * Runs {@code work} (a notifier invocation) with its outbox lines forced once at its end and its
     * sent markers written only after that force.
     */
    public <T> T batch(Supplier<T> work) {
        Map<NotificationKey, Instant> marks = new LinkedHashMap<>();
        waiting.set(marks);
        try {
            return outbox.deferringForces(work, () -> {
                waiting.remove();
                marks.forEach(ledger::markSent);
            });
        } finally {
            waiting.remove();
        }
    }

    @Override
    public Optional<State> state(NotificationKey key) {
        Map<NotificationKey, Instant> marks = waiting.get();
        if (marks != null && marks.containsKey(key)) {
            return Optional.of(State.SENT);
        }
        return ledger.state(key);
    }

    @Override
    public boolean markSent(NotificationKey key, Instant at) {
        Map<NotificationKey, Instant> marks = waiting.get();
        if (marks == null) {
            return ledger.markSent(key, at);
        }
        if (marks.containsKey(key) || ledger.state(key).filter(State.SENT::equals).isPresent()) {
            return false;
        }
        marks.put(key, at);
        return true;
    }

    @Override
    public boolean park(ParkedNotification parked) {
        Map<NotificationKey, Instant> marks = waiting.get();
        if (marks != null && marks.containsKey(parked.key())) {
            return false;
        }
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
        return ledger.due(now, limit);
    }
}
