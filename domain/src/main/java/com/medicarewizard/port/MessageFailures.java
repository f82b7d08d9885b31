package com.medicarewizard.port;

import com.medicarewizard.domain.reservation.ReservationId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a queued message could not be handled, kept by message id (the dead-letter queue keeps the
 * id), so that operators see the last error of each dead letter. Reasons never hold personal data.
 */
public interface MessageFailures {

    /** Records (or replaces with a later one) the failure of the message. */
    void record(MessageFailure failure);

    Optional<MessageFailure> find(String messageId);

    record MessageFailure(String messageId, Optional<ReservationId> reservation, String reason, int receiveCount,
                          Instant at) {
        public MessageFailure {
            Objects.requireNonNull(messageId, "message id");
            Objects.requireNonNull(reservation, "reservation");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(at, "at");
        }
    }
}
