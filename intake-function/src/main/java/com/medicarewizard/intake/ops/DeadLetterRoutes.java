package com.medicarewizard.intake.ops;

import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.intake.http.Response;
import com.medicarewizard.intake.http.Route;
import com.medicarewizard.port.DeadLetters;
import com.medicarewizard.port.DeadLetters.DeadLetter;
import com.medicarewizard.port.MessageFailures;
import com.medicarewizard.port.MessageFailures.MessageFailure;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.time.Instant;
import java.util.Optional;

/**
 * The operators' dead letters: {@link #list()} for {@code GET /api/v1/ops/dead-letters}, each with
 * the last error recorded for it, and {@link #redrive()} for
 * {@code POST /api/v1/ops/dead-letters/redrive}, which starts moving them back to the queue after a fix.
 */
public record DeadLetterRoutes(DeadLetters deadLetters, MessageFailures failures) {
    private static final Logger LOG = LogManager.getLogger(DeadLetterRoutes.class);
    private static final int LIST_LIMIT = 200;

    public Route list() {
        return request -> Response.json(200, deadLetters.list(LIST_LIMIT).stream()
                .map(d -> DeadLetterView.of(d, failures.find(d.messageId()))).toList()).noStore();
    }

    /** Starts the move and answers what was started (or found under way): the messages arrive after the answer. */
    public Route redrive() {
        return request -> {
            DeadLetters.Redrive move = deadLetters.redrive();
            LOG.info("operator redrive: {} about {} dead letters, task {}", move.started() ? "started, moving"
                    : "none started,", move.messages(), move.task().orElse("none"));
            return Response.json(202, new Redriven(move.messages(), move.started(), move.task())).noStore();
        };
    }

    /**
     * @param redriven about how many dead letters the move takes back to the queue
     * @param started  false when the queue was empty or a move was under way already (then that one is described)
     * @param task     the queue's handle of the move
     */
    record Redriven(long redriven, boolean started, Optional<String> task) {
    }

    record DeadLetterView(String messageId, Optional<String> reservationId, Optional<String> reason,
                          int receiveCount, Instant sentAt) {
        static DeadLetterView of(DeadLetter d, Optional<MessageFailure> failure) {
            return new DeadLetterView(d.messageId(), d.reservation().map(ReservationId::value),
                    failure.map(MessageFailure::reason), Math.max(d.receiveCount(),
                    failure.map(MessageFailure::receiveCount).orElse(0)), d.sentAt());
        }
    }
}
