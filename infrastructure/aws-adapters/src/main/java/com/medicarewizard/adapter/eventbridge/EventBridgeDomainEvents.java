package com.medicarewizard.adapter.eventbridge;

import com.medicarewizard.domain.event.ReservationEvent;
import com.medicarewizard.port.DomainEvents;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

import java.util.Objects;

/**
 * {@link DomainEvents} on an EventBridge custom bus: one PutEvents entry per event (see
 * {@link EventEntries}). PutEvents answers 200 even when an entry failed, so a failed entry
 * (FailedEntryCount, an entry error code) is a failure here too.
 */
public final class EventBridgeDomainEvents implements DomainEvents {
    private final EventBridgeClient client;
    private final String busName;

    /** The client is shared and owned by the caller (one per container). */
    public EventBridgeDomainEvents(EventBridgeClient client, String busName) {
        this.client = Objects.requireNonNull(client, "client");
        this.busName = Objects.requireNonNull(busName, "bus name");
    }

    @Override
    public void publish(ReservationEvent event) {
        PutEventsResponse response;
        try {
            response = client.putEvents(b -> b.entries(EventEntries.entry(event, busName)));
        } catch (SdkException e) {
            throw new PublishFailedException("EventBridge did not take " + EventEntries.detailType(event), e);
        }
        if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
            String code = response.entries().stream().map(PutEventsResultEntry::errorCode).filter(Objects::nonNull)
                    .findFirst().orElse("unknown");
            throw new PublishFailedException("EventBridge refused " + EventEntries.detailType(event) + ": " + code, null);
        }
    }
}
