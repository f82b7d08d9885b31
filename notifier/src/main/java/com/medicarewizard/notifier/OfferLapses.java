package com.medicarewizard.notifier;

import com.medicarewizard.domain.reminder.Reminder;
import com.medicarewizard.domain.reminder.ReminderKind;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.port.ReservationCommand;
import com.medicarewizard.port.ReservationQueue;
import com.medicarewizard.port.Reservations;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The end of an offer's hold, fired by the reminders' schedule ({@link ReminderKind#OFFER_LAPSES}): an
 * offer still HELD, neither accepted nor declined, lapses — recorded on it (reason OFFER_LAPSED) and its
 * CANCEL queued, so the allocator releases its time and the notifier offers it to the next entry. An offer
 * accepted in time is left to be confirmed (its DECIDE sent again, in case it was lost), whatever the hour the lapse fires: the acceptance and the lapse
 * are each a write on the reservation's version, so only one of them is ever recorded.
 */
final class OfferLapses {
    private static final Logger LOG = LogManager.getLogger(OfferLapses.class);
    private final Reservations reservations;
    private final ReservationQueue queue;
    private final Clock clock;

    OfferLapses(Reservations reservations, ReservationQueue queue, Clock clock) {
        this.reservations = Objects.requireNonNull(reservations, "reservations");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @throws ReminderNotifier.NotDueException when fired before the hold ends
     * @throws Reservations.ConcurrentChangeException when the offer changed as it lapsed: fired again, it
     *     finds it accepted, or lapsed
     * @throws ReservationQueue.QueueUnavailableException when the CANCEL could not be queued: fired again,
     *     it queues it again
     */
    ReminderNotifier.Result lapse(Reminder reminder) {
        Optional<Reservation> found = reservations.find(reminder.reservation());
        Instant now = clock.instant();
        if (found.isEmpty() || found.get().status() != ReservationStatus.HELD) {
            return ReminderNotifier.Result.STALE;
        }
        if (now.isBefore(reminder.dueAt())) {
            throw new ReminderNotifier.NotDueException(reminder);
        }
        Reservation offer = found.get();
        if (offer.hasLapsed(now)) {
            offer = reservations.update(offer.requestLapse(now));
            LOG.info("offer {} lapsed unanswered", offer.id());
        }
        if (offer.isAccepted() && offer.cancelRequestedAt().isEmpty()) {
            // accepted in time, and still HELD at its hold's end: its DECIDE may have been lost (a queue that
            // refused it, a crash before it was sent); the allocator confirms an accepted offer once
            queue.send(new ReservationCommand(ReservationCommand.Type.DECIDE, offer.id(), offer.correlationId()));
            return ReminderNotifier.Result.STALE;
        }
        queue.send(new ReservationCommand(ReservationCommand.Type.CANCEL, offer.id(), offer.correlationId()));
        return ReminderNotifier.Result.DONE;
    }
}
