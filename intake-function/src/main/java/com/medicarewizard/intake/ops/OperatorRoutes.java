package com.medicarewizard.intake.ops;

import com.medicarewizard.domain.notification.NotificationKey;
import com.medicarewizard.domain.notification.ParkedNotification;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.intake.Intake;
import com.medicarewizard.intake.Operations;
import com.medicarewizard.intake.http.Problem;
import com.medicarewizard.intake.http.Problems;
import com.medicarewizard.intake.http.Request;
import com.medicarewizard.intake.http.Response;
import com.medicarewizard.intake.http.Route;
import com.medicarewizard.port.DeadLetters.DeadLetter;
import com.medicarewizard.port.MessageFailures.MessageFailure;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The operators' repair routes, each behind the {@link OperatorGuard}: dead letters listed with
 * their last error and redriven to the queue; parked notifications listed (recipients masked,
 * no message bodies) and retried (an id that cannot be one answers 404 like one not parked, as
 * a patient's malformed reservation id does); the local outbox. Without the operations ports (or, for the outbox, outside the embedded runtime) a route
 * answers 404.
 */
public final class OperatorRoutes {
    private static final Logger LOG = LogManager.getLogger(OperatorRoutes.class);
    private static final int LIST_LIMIT = 200;
    private static final int REDRIVE_LIMIT = 1000;
    private final Intake intake;
    private final OperatorGuard guard;

    public OperatorRoutes(Intake intake) {
        this.intake = intake;
        this.guard = new OperatorGuard(intake.config().opsToken());
    }

    public Route deadLetters() {
        return guarded((ops, request) -> Response.json(200, ops.deadLetters().list(LIST_LIMIT).stream()
                .map(d -> DeadLetterView.of(d, ops.failures().find(d.messageId()))).toList()));
    }

    public Route redrive() {
        return guarded((ops, request) -> {
            int moved = ops.deadLetters().redrive(REDRIVE_LIMIT);
            LOG.info("operator redrove {} dead letters", moved);
            return Response.json(202, new Redriven(moved));
        });
    }

    public Route parked() {
        return guarded((ops, request) -> Response.json(200, ops.notifications().parked(LIST_LIMIT).stream()
                .map(ParkedView::of).toList()));
    }

    public Route retryParked() {
        return guarded((ops, request) -> {
            NotificationKey key = request.pathParameter("id").flatMap(NotificationKey::parse)
                    .orElseThrow(() -> Problems.notFound().raise());
            ParkedNotification parked = ops.notifications().parked(key).orElseThrow(() -> Problems.notFound().raise());
            ParkedNotification due = parked.dueNow(intake.clock().instant());
            if (!ops.notifications().park(due)) {
                throw Problem.of(409, "already-sent", "Conflict", "The notification has been sent meanwhile.").raise();
            }
            LOG.info("operator asked to retry {}", key);
            return Response.json(202, ParkedView.of(due));
        });
    }

    public Route outbox() {
        return guarded((ops, request) -> Response.json(200, ops.outbox().orElseThrow(() -> Problems.notFound().raise())
                .recent(LIST_LIMIT)));
    }

    private Route guarded(BiFunction<Operations, Request, Response> action) {
        return request -> {
            guard.admit(request);
            Operations ops = intake.operations().orElseThrow(() -> Problems.notFound().raise());
            return action.apply(ops, request).noStore();
        };
    }

    record Redriven(int redriven) {
    }

    record DeadLetterView(String messageId, Optional<String> reservationId, Optional<String> reason,
                          int receiveCount, Instant sentAt) {
        static DeadLetterView of(DeadLetter d, Optional<MessageFailure> failure) {
            return new DeadLetterView(d.messageId(), d.reservation().map(ReservationId::value),
                    failure.map(MessageFailure::reason), Math.max(d.receiveCount(),
                    failure.map(MessageFailure::receiveCount).orElse(0)), d.sentAt());
        }
    }

    record ParkedView(String id, String reservationId, String outcome, String channel, String recipient,
                      String reason, boolean retryable, int attempts, Instant parkedAt,
                      Optional<Instant> nextAttemptAt) {
        static ParkedView of(ParkedNotification p) {
            return new ParkedView(p.key().id(), p.key().reservation().value(), p.key().outcome().name(),
                    p.key().channel().name(), p.maskedRecipient(), p.reason(), p.retryable(), p.attempts(),
                    p.parkedAt(), p.nextAttemptAt());
        }
    }
}
