package com.medicarewizard.notifier;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import org.apache.logging.log4j.CloseableThreadContext;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.List;

/**
 * The notifier's Lambda on the table's stream: takes the records in order and notifies each
 * outcome. On the first record it cannot finish it stops and reports only that record's sequence
 * number, so the event source delivers it and the later ones again, and never redoes the earlier
 * ones (they are checkpointed). A side effect that fails is parked by the use case, so only a
 * failure to read the record or to record the outcome stops the batch.
 */
public final class NotifierHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private static final Logger LOG = LogManager.getLogger(NotifierHandler.class);
    private final OutcomeNotifier notifier;

    public NotifierHandler(OutcomeNotifier notifier) {
        this.notifier = notifier;
    }

    @Override
    @SuppressWarnings("try") // the ids are on every log line of the record; the resource itself is unused
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            String sequence = record.getDynamodb().getSequenceNumber();
            try (var ids = CloseableThreadContext.put("requestId", context.getAwsRequestId())
                    .put("sequenceNumber", sequence)) {
                OutcomeChange.of(record).ifPresent(change -> {
                    try (var more = CloseableThreadContext.put("reservationId", change.reservation().id().value())
                            .put("correlationId", change.reservation().correlationId())) {
                        notifier.notify(change);
                    }
                });
            } catch (RuntimeException e) {
                LOG.warn("record {} not handled, it and the later ones come again: {}", sequence,
                        e.getClass().getSimpleName());
                return new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure(sequence)));
            }
        }
        return new StreamsEventResponse(List.of());
    }
}
