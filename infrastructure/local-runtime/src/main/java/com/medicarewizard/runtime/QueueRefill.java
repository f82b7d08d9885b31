package com.medicarewizard.runtime;

import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.port.ReservationCommand;
import com.medicarewizard.port.ReservationQueue;
import com.medicarewizard.table.Item;
import com.medicarewizard.table.layout.ItemLayout;
import com.medicarewizard.table.layout.ReservationRecords;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Puts back on the (empty) reservation queue every command the table says the allocator still
 * owes: a DECIDE for each request still PENDING and each offer from the waitlist accepted but not yet
 * confirmed, a CANCEL for each cancellation asked for (an offer's lapse included) that was not carried
 * out — in the order they were asked. The embedded runtime keeps its queue in
 * memory (docs/adr/0009): the table's forced journal is what a 202 rests on, and this is how a
 * start (after a stop, a kill -9 or a power loss) or a queue deleted under the runtime gets back what
 * the queue lost. A command that was in fact still queued arrives twice, which the allocator's
 * conditional writes make harmless.
 */
final class QueueRefill {
    private static final Logger LOG = LogManager.getLogger(QueueRefill.class);
    private static final int SEND_ATTEMPTS = 60;
    private static final java.time.Duration RETRY_AFTER = java.time.Duration.ofSeconds(1);

    private final EmbeddedTable table;
    private final ReservationQueue queue;

    QueueRefill(EmbeddedTable table, ReservationQueue queue) {
        this.table = table;
        this.queue = queue;
    }

    /**
     * Sends the commands owed, oldest first; answers how many were sent. An item that cannot be read
     * is skipped (and logged); a send the queue refuses is tried again a second later, up to a
     * minute, after which the refill gives up (the sweeper goes on re-sending what is PENDING).
     * Stops early when the calling thread is interrupted (the runtime is stopping).
     */
    int run() {
        List<Owed> owed = new ArrayList<>();
        for (Item item : table.scan(QueueRefill::isReservation)) {
            try {
                owe(ReservationRecords.reservation(item), owed);
            } catch (RuntimeException e) {
                LOG.error("reservation item {} cannot be read; not queued again: {}", item.key(), e.toString());
            }
        }
        owed.sort(Comparator.comparing(Owed::askedAt));
        int sent = 0;
        for (Owed command : owed) {
            if (!sendPatiently(command.command())) {
                LOG.warn("the queue refused commands for a minute; {} of {} queued again, the sweeper re-sends "
                        + "what is PENDING", sent, owed.size());
                return sent;
            }
            sent++;
        }
        if (sent > 0) {
            LOG.info("queued again {} command(s) the table holds as waiting for the allocator", sent);
        }
        return sent;
    }

    private static void owe(Reservation reservation, List<Owed> owed) {
        if (reservation.status() == ReservationStatus.PENDING) {
            owed.add(new Owed(reservation.requestedAt(), command(ReservationCommand.Type.DECIDE, reservation)));
        }
        if (reservation.cancelRequestedAt().isPresent() && reservation.isCancellable()) {
            owed.add(new Owed(reservation.cancelRequestedAt().get(), command(ReservationCommand.Type.CANCEL, reservation)));
        }
        if (reservation.isAccepted() && reservation.cancelRequestedAt().isEmpty()) {
            // an offer from the waitlist accepted, its DECIDE not yet handled
            owed.add(new Owed(reservation.offer().orElseThrow().acceptedAt().orElseThrow(),
                    command(ReservationCommand.Type.DECIDE, reservation)));
        }
    }

    private boolean sendPatiently(ReservationCommand command) {
        for (int attempt = 1; attempt <= SEND_ATTEMPTS; attempt++) {
            try {
                queue.send(command);
                return true;
            } catch (ReservationQueue.QueueUnavailableException e) {
                try {
                    Thread.sleep(RETRY_AFTER.toMillis());
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
        }
        return false;
    }

    private static boolean isReservation(Item item) {
        return ItemLayout.RESERVATION.equals(item.optString(ItemLayout.TYPE).orElse(null));
    }

    private static ReservationCommand command(ReservationCommand.Type type, Reservation reservation) {
        return new ReservationCommand(type, reservation.id(), reservation.correlationId());
    }

    private record Owed(java.time.Instant askedAt, ReservationCommand command) {
    }
}
