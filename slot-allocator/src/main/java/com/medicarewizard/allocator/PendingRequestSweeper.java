package com.medicarewizard.allocator;

import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.port.ReservationCommand;
import com.medicarewizard.port.ReservationQueue;
import com.medicarewizard.port.Reservations;
import com.medicarewizard.port.Reservations.Waiting;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The reconciler behind "a request answered 202 is never lost": the durable PENDING record is the
 * source of truth, so a request still PENDING after {@code patience} is sent to the queue again.
 * That covers a send that failed in the intake, a message the queue lost in a crash, and a message
 * dead-lettered after transient faults. A duplicate is harmless (the allocator's writes are
 * conditional), but copies cost the allocator time when it can least spare it, so the sweeper holds
 * back in two ways:
 * <ul>
 *   <li>each request is sent again at most once per period that doubles with every re-send:
 *       {@code patience} after its acceptance, then {@code 2 × patience} after that re-send,
 *       {@code 4 ×} … (capped at {@value #MAX_DOUBLINGS} doublings). A message the queue is still
 *       retrying (hidden for its visibility timeout between receives, up to its maximum receive
 *       count) thus gets a copy or two, not one a sweep; the re-send is recorded on the request
 *       ({@link Reservations#recordResent});</li>
 *   <li>it adds nothing to a queue that already holds a sweep's worth of requests waiting to be
 *       received: in a backlog, overdue requests are overdue because the allocator is behind, not
 *       because they were lost; each sweep sends at most {@code batch} minus the queue's visible
 *       messages. A queue whose figures cannot be read gets nothing either.</li>
 * </ul>
 *
 * <p>It is also the backstop of what waits on the allocator past a decision ({@link Reservation#settleBy()}):
 * still unsettled {@code patience} after it should have been, it lost its command. A cancellation recorded
 * but not carried out (the patient's, whose 503 they never retried; the center's, whose queue send failed)
 * gets its CANCEL again; an offer accepted but not confirmed its DECIDE; an offer unanswered past its hold
 * (its lapse never came) is lapsed here, as the lapse would, and cancelled — so no time stays held for good.
 */
public final class PendingRequestSweeper {
    /** After six doublings (64 × patience: four hours and a quarter in AWS) the spacing stays put. */
    static final int MAX_DOUBLINGS = 6;
    private static final Logger LOG = LogManager.getLogger(PendingRequestSweeper.class);
    private final Reservations reservations;
    private final ReservationQueue queue;
    private final Clock clock;
    private final Duration patience;
    private final int batch;

    public PendingRequestSweeper(Reservations reservations, ReservationQueue queue, Clock clock,
                                 Duration patience, int batch) {
        if (patience.isNegative() || patience.isZero() || batch < 1) {
            throw new IllegalArgumentException("the sweeper needs a positive patience and batch");
        }
        this.reservations = reservations;
        this.queue = queue;
        this.clock = clock;
        this.patience = patience;
        this.batch = batch;
    }

    /** Settles what is overdue past a decision, then re-sends the oldest requests that are due again; answers how many commands were sent. */
    public int sweep() {
        long room;
        try {
            room = batch - queue.figures().visible();
        } catch (ReservationQueue.QueueUnavailableException e) {
            LOG.warn("queue figures unavailable; no re-sends this sweep");
            return 0;
        }
        if (room <= 0) {
            LOG.info("the queue holds a sweep's worth of requests waiting; no re-sends this sweep");
            return 0;
        }
        Instant now = clock.instant();
        int settled = settleOverdue(now, room);
        room -= settled;
        // Requests backing off are read and passed over: read a few batches' worth, oldest first.
        List<Waiting> overdue = reservations.waitingSince(now.minus(patience), batch * 4);
        int sent = 0;
        for (Waiting request : overdue) {
            if (sent >= room) {
                break;
            }
            if (now.isBefore(dueAgain(request))) {
                continue;
            }
            try {
                queue.send(new ReservationCommand(ReservationCommand.Type.DECIDE, request.reservation().id(),
                        request.reservation().correlationId()));
            } catch (ReservationQueue.QueueUnavailableException e) {
                LOG.warn("queue unavailable while re-sending overdue requests; next sweep tries again");
                break;
            }
            sent++;
            recordResent(request, now);
        }
        if (sent > 0) {
            LOG.info("re-sent {} overdue pending request(s)", sent);
        }
        return settled + sent;
    }

    /** Sends again the command of what should have been settled {@code patience} ago (at most {@code room}); answers how many it sent. */
    int settleOverdue(Instant now, long room) {
        int sent = 0;
        for (Reservation overdue : reservations.unsettledSince(now.minus(patience), Math.toIntExact(Math.min(room, batch)))) {
            try {
                Reservation settling = overdue.hasLapsed(now) ? reservations.update(overdue.requestLapse(now)) : overdue;
                ReservationCommand.Type type = settling.isAccepted() && settling.cancelRequestedAt().isEmpty()
                        ? ReservationCommand.Type.DECIDE : ReservationCommand.Type.CANCEL;
                queue.send(new ReservationCommand(type, settling.id(), settling.correlationId()));
                LOG.warn("reservation {} still {} {} after it should have been settled: {} sent again", settling.id(),
                        settling.status(), patience, type);
                sent++;
            } catch (Reservations.ConcurrentChangeException changed) {
                // accepted or lapsed just now: the next sweep sees what it became
            } catch (ReservationQueue.QueueUnavailableException e) {
                LOG.warn("queue unavailable while settling overdue reservations; next sweep tries again");
                break;
            }
        }
        return sent;
    }

    /** When the request may be sent again: patience after its acceptance, doubling with each re-send. */
    Instant dueAgain(Waiting request) {
        return request.lastQueuedAt().plus(patience.multipliedBy(1L << Math.min(request.resends(), MAX_DOUBLINGS)));
    }

    private void recordResent(Waiting request, Instant now) {
        try {
            reservations.recordResent(request.reservation().id(), now);
        } catch (RuntimeException e) {
            // sent but not recorded: the next sweep may send it once more, which is harmless
            LOG.warn("re-send of reservation {} not recorded: {}", request.reservation().id(), e.toString());
        }
    }
}
