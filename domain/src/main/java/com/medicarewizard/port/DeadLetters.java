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
     * Moves up to {@code max} dead letters back to the reservation queue (body and attributes
     * kept); answers how many were moved. A message moved twice is harmless: the allocator is
     * idempotent.
     */
    int redrive(int max);

    record DeadLetter(String messageId, Optional<ReservationId> reservation, int receiveCount, Instant sentAt) {
        public DeadLetter {
            Objects.requireNonNull(messageId, "message id");
            Objects.requireNonNull(reservation, "reservation");
            Objects.requireNonNull(sentAt, "sent at");
        }
    }
}
