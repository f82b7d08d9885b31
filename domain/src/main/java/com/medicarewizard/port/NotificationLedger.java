package com.medicarewizard.port;

import com.medicarewizard.domain.notification.NotificationKey;
import com.medicarewizard.domain.notification.ParkedNotification;
import com.medicarewizard.domain.reservation.ReservationId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable record of what the notifier did for each {@link NotificationKey}: a "sent" marker
 * written once with a condition (so a redelivered stream record sends nothing more), and the
 * parked notifications operators list and retry. Every write is conditional, never check-then-write.
 */
public interface NotificationLedger {

    enum State { SENT, PARKED }

    Optional<State> state(NotificationKey key);

    /**
     * Marks the side effect done, replacing a parked record if there is one.
     *
     * @return false when it was already marked SENT (nothing is written)
     */
    boolean markSent(NotificationKey key, Instant at);

    /**
     * Parks (or re-parks, after another failed attempt) the side effect.
     *
     * @return false when it is already SENT (nothing is written)
     */
    boolean park(ParkedNotification parked);

    /** The parked notification of {@code key}, read strongly consistent (never from an index). */
    Optional<ParkedNotification> parked(NotificationKey key);

    /**
     * Takes a parked notification for one attempt: moves its next attempt to {@code until} if, at the
     * moment of the write, it is still exactly {@code seen} (parked, the same attempts and next attempt),
     * so that a notification sent, re-parked or taken by another retrier since it was read is not
     * attempted again. If the attempt dies half-way, it is due again at {@code until}.
     *
     * @return false when it changed since {@code seen} (nothing is written)
     * @throws IllegalArgumentException when {@code seen} is not retryable (it has no next attempt)
     */
    boolean claim(ParkedNotification seen, Instant until);

    /**
     * The reservation's patient erased their account: each of its parked notifications is kept for the
     * operators without its (masked) recipient, {@code "erased"}, and is not tried again. Its sent
     * markers stay (they hold no personal data and keep a redelivered record from sending).
     */
    void forgetRecipients(ReservationId reservation);

    /** Parked notifications, oldest parked first. */
    List<ParkedNotification> parked(int limit);

    /** Retryable parked notifications whose next attempt is at or before {@code now}, soonest first. */
    List<ParkedNotification> due(Instant now, int limit);
}
