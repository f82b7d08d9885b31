package com.medicarewizard.intake.reservation;

import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.intake.http.Problem;
import com.medicarewizard.port.ReservationCommand;
import com.medicarewizard.port.ReservationQueue;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Asks the allocator to carry out a cancellation the patient's request for is already recorded on the
 * reservation ({@link com.medicarewizard.port.Reservations#recordCancelRequest}): the CANCEL command on
 * the queue. A queue that refuses it is a 503 to try again: the sweeper re-sends only PENDING
 * requests, so a CONFIRMED booking whose CANCEL is lost would stay confirmed; the patient's next call
 * sends it again.
 */
public final class CancelCommand {
    private static final Logger LOG = LogManager.getLogger(CancelCommand.class);

    private CancelCommand() {
    }

    public static void send(ReservationQueue queue, Reservation reservation) {
        try {
            queue.send(new ReservationCommand(ReservationCommand.Type.CANCEL, reservation.id(),
                    reservation.correlationId()));
            LOG.info("cancellation of reservation {} queued", reservation.id());
        } catch (ReservationQueue.QueueUnavailableException e) {
            LOG.warn("cancellation of reservation {} recorded but not queued; answered 503", reservation.id());
            throw Problem.of(503, "queue-unavailable", "Service Unavailable",
                    "The cancellation could not be passed on; please try again shortly.")
                    .withHeader("Retry-After", "5").raise();
        }
    }
}
