package com.medicarewizard.allocator;

import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.port.ReservationCommand;
import com.medicarewizard.port.ReservationQueue;
import com.medicarewizard.port.Reservations;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The reconciler behind "a request answered 202 is never lost": the durable PENDING record is the
 * source of truth, so a request still PENDING after {@code patience} is sent to the queue again.
 * That covers a send that failed in the intake, a message the queue lost in a crash, and a message
 * parked after a transient fault. A duplicate is harmless: the allocator's writes are conditional.
 */
public final class PendingRequestSweeper {
    private static final Logger LOG = LogManager.getLogger(PendingRequestSweeper.class);
    private final Reservations reservations;
    private final ReservationQueue queue;
    private final Clock clock;
    private final Duration patience;
    private final int batch;

    public PendingRequestSweeper(Reservations reservations, ReservationQueue queue, Clock clock,
                                 Duration patience, int batch) {
        this.reservations = reservations;
        this.queue = queue;
        this.clock = clock;
        this.patience = patience;
        this.batch = batch;
    }

    /** Re-sends the oldest overdue PENDING requests; answers how many were sent. */
    public int sweep() {
        List<Reservation> overdue = reservations.pendingSince(clock.instant().minus(patience), batch);
        int sent = 0;
        for (Reservation request : overdue) {
            try {
                queue.send(new ReservationCommand(ReservationCommand.Type.DECIDE, request.id(), request.correlationId()));
                sent++;
            } catch (ReservationQueue.QueueUnavailableException e) {
                LOG.warn("queue unavailable while re-sending overdue requests; next sweep tries again");
                break;
            }
        }
        if (sent > 0) {
            LOG.info("re-sent {} overdue pending request(s)", sent);
        }
        return sent;
    }
}
