package com.medicarewizard.port;

import com.medicarewizard.domain.reservation.ReservationId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The reservation queue's dead-letter queue as operators use it: look at what is there without
 * taking it away, and move it back to the queue once the cause is fixed.
 */
public interface DeadLetters {

    /** Up to {@code max} dead letters, left in place. */
    List<DeadLetter> list(int max);

    /**
     * Starts moving every dead letter back to the reservation queue (body and attributes kept),
     * unless a move is under way already; answers what was started, or found under way. The move
     * goes on after the answer (a redrive of thousands must not hold an API call). A message moved
     * twice is harmless: the allocator is idempotent.
     */
    Redrive redrive();

    /**
     * A move of the dead letters back to the queue.
     *
     * @param started  false when none was started: the dead-letter queue was empty, or a move was under way already
     * @param messages about how many dead letters it moves (the queue's approximate count)
     * @param task     the queue's handle of the move, when there is one
     */
    record Redrive(boolean started, long messages, Optional<String> task) {
        public Redrive {
            Objects.requireNonNull(task, "task");
        }
    }

    record DeadLetter(String messageId, Optional<ReservationId> reservation, int receiveCount, Instant sentAt) {
        public DeadLetter {
            Objects.requireNonNull(messageId, "message id");
            Objects.requireNonNull(reservation, "reservation");
            Objects.requireNonNull(sentAt, "sent at");
        }
    }
}
