package com.medicarewizard.port.fakes;

import com.medicarewizard.domain.notification.NotificationKey;
import com.medicarewizard.domain.notification.ParkedNotification;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.port.NotificationLedger;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The notifier's ledger in memory for the functions' unit tests, held to
 * {@link com.medicarewizard.port.contract.NotificationLedgerContract}: each write decided under one lock,
 * as the conditional writes of the real stores decide it.
 */
public final class InMemoryNotificationLedger implements NotificationLedger {
    private final Set<NotificationKey> sent = new HashSet<>();
    private final Map<NotificationKey, ParkedNotification> parked = new HashMap<>();

    @Override
    public synchronized Optional<State> state(NotificationKey key) {
        if (sent.contains(key)) {
            return Optional.of(State.SENT);
        }
        return parked.containsKey(key) ? Optional.of(State.PARKED) : Optional.empty();
    }

    @Override
    public synchronized boolean markSent(NotificationKey key, Instant at) {
        if (!sent.add(key)) {
            return false;
        }
        parked.remove(key);
        return true;
    }

    @Override
    public synchronized boolean park(ParkedNotification notification) {
        if (sent.contains(notification.key())) {
            return false;
        }
        parked.put(notification.key(), notification);
        return true;
    }

    @Override
    public synchronized Optional<ParkedNotification> parked(NotificationKey key) {
        return Optional.ofNullable(parked.get(key));
    }

    @Override
    public synchronized boolean claim(ParkedNotification seen, Instant until) {
        ParkedNotification taken = seen.takenUntil(until);
        if (sent.contains(seen.key()) || !seen.equals(parked.get(seen.key()))) {
            return false;
        }
        parked.put(seen.key(), taken);
        return true;
    }

    @Override
    public synchronized void forgetRecipients(ReservationId reservation) {
        parked.replaceAll((key, notification) -> key.reservation().equals(reservation)
                ? notification.recipientErased() : notification);
    }

    @Override
    public synchronized List<ParkedNotification> parked(int limit) {
        return parked.values().stream().sorted(Comparator.comparing(ParkedNotification::parkedAt)).limit(limit)
                .toList();
    }

    @Override
    public synchronized List<ParkedNotification> due(Instant now, int limit) {
        return parked.values().stream()
                .filter(p -> p.nextAttemptAt().filter(at -> !at.isAfter(now)).isPresent())
                .sorted(Comparator.comparing(p -> p.nextAttemptAt().orElseThrow())).limit(limit).toList();
    }
}
