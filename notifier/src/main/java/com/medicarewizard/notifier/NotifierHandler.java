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
 * outcome. On the first record it cannot finish it stops and reports that record and every later
 * one as batch item failures; the event source checkpoints before the lowest of them, so it delivers
 * them again and never redoes the earlier ones. A side effect that fails is parked by the use case,
 * so only a failure to read the record or to record the outcome stops the batch — or the
 * invocation's time: a side effect is started only while the remaining time holds the longest it can
 * take ({@link TimeBudget}), so the handler returns before Lambda's timeout would kill it mid-batch.
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
        TimeBudget budget = TimeBudget.of(context);
        List<DynamodbEvent.DynamodbStreamRecord> records = event.getRecords();
        for (int i = 0; i < records.size(); i++) {
            String sequence = records.get(i).getDynamodb().getSequenceNumber();
            try (var ids = CloseableThreadContext.put("requestId", context.getAwsRequestId())
                    .put("sequenceNumber", sequence)) {
                OutcomeChange.of(records.get(i)).ifPresent(change -> {
                    try (var more = CloseableThreadContext.put("reservationId", change.reservation().id().value())
                            .put("correlationId", change.reservation().correlationId())) {
                        notifier.notify(change, budget);
                    }
                });
            } catch (TimeBudget.Exhausted e) {
                LOG.warn("out of time at record {}, it and the {} after it come again: {}", sequence,
                        records.size() - i - 1, e.getMessage());
                return unfinished(records, i);
            } catch (RuntimeException e) {
                LOG.warn("record {} not handled, it and the {} after it come again: {}", sequence,
                        records.size() - i - 1, e.getClass().getSimpleName());
                return unfinished(records, i);
            }
        }
        return new StreamsEventResponse(List.of());
    }

    /** The records from {@code first} on, each a batch item failure. */
    static StreamsEventResponse unfinished(List<DynamodbEvent.DynamodbStreamRecord> records, int first) {
        return new StreamsEventResponse(records.subList(first, records.size()).stream()
                .map(r -> new StreamsEventResponse.BatchItemFailure(r.getDynamodb().getSequenceNumber())).toList());
    }
}
