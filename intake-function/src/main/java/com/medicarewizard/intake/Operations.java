package com.medicarewizard.intake;

import com.medicarewizard.port.DeadLetters;
import com.medicarewizard.port.MessageFailures;
import com.medicarewizard.port.NotificationLedger;
import com.medicarewizard.port.PipelineMetrics;
import com.medicarewizard.port.SentNotifications;

import java.util.Objects;
import java.util.Optional;

/**
 * The ports behind the operator routes: the dead-letter queue and the recorded reason of each dead
 * letter, the notifier's ledger of parked notifications, the outbox (only on the embedded runtime),
 * and where pipeline figures are recorded as metrics. Without them those routes answer 404.
 */
public record Operations(DeadLetters deadLetters, MessageFailures failures, NotificationLedger notifications,
                         Optional<SentNotifications> outbox, PipelineMetrics metrics) {
    public Operations {
        Objects.requireNonNull(deadLetters, "dead letters");
        Objects.requireNonNull(failures, "failures");
        Objects.requireNonNull(notifications, "notifications");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(metrics, "metrics");
    }
}
