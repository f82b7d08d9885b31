package com.medicarewizard.intake.ops;

import com.medicarewizard.domain.notification.NotificationKey;
import com.medicarewizard.domain.notification.ParkedNotification;
import com.medicarewizard.intake.http.Problem;
import com.medicarewizard.intake.http.Problems;
import com.medicarewizard.intake.http.Response;
import com.medicarewizard.intake.http.Route;
import com.medicarewizard.port.NotificationLedger;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The notifications the notifier parked after repeated failures: {@link #list()} for
 * {@code GET /api/v1/ops/notifications/parked} (recipients masked, no message bodies) and
 * {@link #retry()} for {@code POST /api/v1/ops/notifications/parked/{id}/retry}, which makes one
 * due now for the retrier. An id that cannot be one answers 404 like one not parked, as a
 * patient's malformed reservation id does.
 */
public record ParkedNotificationRoutes(NotificationLedger notifications, Clock clock) {
    private static final Logger LOG = LogManager.getLogger(ParkedNotificationRoutes.class);
    private static final int LIST_LIMIT = 200;

    public Route list() {
        return request -> Response.json(200, notifications.parked(LIST_LIMIT).stream()
                .map(ParkedView::of).toList()).noStore();
    }

    public Route retry() {
        return request -> {
            NotificationKey key = request.pathParameter("id").flatMap(NotificationKey::parse)
                    .orElseThrow(() -> Problems.notFound().raise());
            ParkedNotification parked = notifications.parked(key).orElseThrow(() -> Problems.notFound().raise());
            ParkedNotification due = parked.dueNow(clock.instant());
            if (!notifications.park(due)) {
                throw Problem.of(409, "already-sent", "Conflict", "The notification has been sent meanwhile.").raise();
            }
            LOG.info("operator asked to retry {}", key);
            return Response.json(202, ParkedView.of(due)).noStore();
        };
    }

    record ParkedView(String id, String reservationId, String outcome, String channel, String recipient,
                      String reason, boolean retryable, int attempts, Instant parkedAt,
                      Optional<Instant> nextAttemptAt) {
        static ParkedView of(ParkedNotification p) {
            return new ParkedView(p.key().id(), p.key().reservation().value(), p.key().subject(),
                    p.key().channel().name(), p.maskedRecipient(), p.reason(), p.retryable(), p.attempts(),
                    p.parkedAt(), p.nextAttemptAt());
        }
    }
}
