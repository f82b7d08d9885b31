package com.medicarewizard.notifier;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.util.List;

/**
 * The availability projector's Lambda on the table's stream: applies each claim's change to the
 * summary in order and skips every other item. On the first record it cannot apply it stops and
 * reports that record and every later one, as the notifier does: the event source delivers them again
 * from there, and applying a change again changes nothing.
 */
public final class AvailabilityProjectorHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private static final Logger LOG = LogManager.getLogger(AvailabilityProjectorHandler.class);
    private final AvailabilityProjector projector;

    public AvailabilityProjectorHandler(AvailabilityProjector projector) {
        this.projector = projector;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        List<DynamodbEvent.DynamodbStreamRecord> records = event.getRecords();
        for (int i = 0; i < records.size(); i++) {
            try {
                ClaimChange.of(records.get(i)).ifPresent(projector::apply);
            } catch (RuntimeException e) {
                LOG.warn("record {} not applied, it and the {} after it come again: {}",
                        records.get(i).getDynamodb().getSequenceNumber(), records.size() - i - 1,
                        e.getClass().getSimpleName());
                return NotifierHandler.unfinished(records, i);
            }
        }
        return new StreamsEventResponse(List.of());
    }
}
