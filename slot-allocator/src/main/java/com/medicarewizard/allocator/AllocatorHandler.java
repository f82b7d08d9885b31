package com.medicarewizard.allocator;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.port.MessageFailures;
import com.medicarewizard.port.MessageFailures.MessageFailure;
import com.medicarewizard.port.ReservationCommand;
import org.apache.logging.log4j.CloseableThreadContext;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The slot allocator's Lambda: decodes each queued command and hands it to the
 * {@link ReservationAllocator}, one at a time in the order of the batch. A message it cannot
 * handle now is reported as a batch item failure (it comes back after the visibility timeout and,
 * past the queue's maxReceiveCount, is parked in the dead-letter queue for operators, with its last
 * error kept in {@link MessageFailures}); so is one whose request another consumer is deciding, without
 * an error. The others are deleted by the event source.
 */
public final class AllocatorHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private static final Logger LOG = LogManager.getLogger(AllocatorHandler.class);
    private static final int MAX_REASON = 300;
    private final ReservationAllocator allocator;
    private final Function<SQSEvent.SQSMessage, ReservationCommand> decoder;
    private final MessageFailures failures;
    private final Clock clock;

    /** @param failures where the last error of each failed message is kept for the operators' dead-letter list */
    public AllocatorHandler(ReservationAllocator allocator, Function<SQSEvent.SQSMessage, ReservationCommand> decoder,
                            MessageFailures failures, Clock clock) {
        this.allocator = allocator;
        this.decoder = decoder;
        this.failures = failures;
        this.clock = clock;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            try (var ids = CloseableThreadContext.put("messageId", message.getMessageId())
                    .put("requestId", context.getAwsRequestId())) {
                if (!handle(message)) {
                    failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                }
            }
        }
        return new SQSBatchResponse(failures);
    }

    private boolean handle(SQSEvent.SQSMessage message) {
        ReservationCommand command;
        try {
            command = decoder.apply(message);
        } catch (IllegalArgumentException e) {
            LOG.error("undecodable message (receive {}), left for the dead-letter queue: {}",
                    message.getAttributes().get("ApproximateReceiveCount"), e.getMessage());
            recordFailure(message, Optional.empty(), "undecodable: " + e.getMessage());
            return false;
        }
        try (var ids = CloseableThreadContext.put("correlationId", command.correlationId())
                .put("reservationId", command.reservation().value())) {
            AllocationOutcome outcome = allocator.handle(command);
            if (outcome.deliverAgain()) {
                // no error: nothing recorded for the dead-letter list; the command comes back after the
                // visibility timeout, by when the other consumer has decided it (or its lease has ended)
                LOG.info("{} {} → {}: another consumer is deciding it, left for the queue to deliver again",
                        command.type(), command.reservation(), outcome.kind());
                return false;
            }
            // an ignored command is acknowledged: coming again would change nothing either
            LOG.log(outcome.ignored() ? Level.WARN : Level.INFO, "{} {} → {} {}", command.type(),
                    command.reservation(), outcome.kind(), outcome.status().map(Enum::name).orElse(""));
            return true;
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed, will be retried: {}", command.type(), command.reservation(), e.toString());
            recordFailure(message, Optional.of(command.reservation()), command.type() + " failed: " + e);
            return false;
        }
    }

    /** Best effort: the message's own retry and dead-lettering must not depend on this write. */
    private void recordFailure(SQSEvent.SQSMessage message, Optional<ReservationId> reservation, String reason) {
        int receives = Optional.ofNullable(message.getAttributes()).map(a -> a.get("ApproximateReceiveCount"))
                .map(Integer::parseInt).orElse(0);
        try {
            failures.record(new MessageFailure(message.getMessageId(), reservation, abbreviate(reason), receives,
                    clock.instant()));
        } catch (RuntimeException e) {
            LOG.warn("could not record why message {} failed: {}", message.getMessageId(), e.toString());
        }
    }

    private static String abbreviate(String reason) {
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON) + "…";
    }
}
