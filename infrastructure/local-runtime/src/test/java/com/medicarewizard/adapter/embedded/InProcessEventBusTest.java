package com.medicarewizard.adapter.embedded;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.medicarewizard.port.DomainEvents;
import com.medicarewizard.port.contract.DomainEventsContract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The in-process bus keeps the events' contract: it refuses what EventBridge refuses. */
class InProcessEventBusTest extends DomainEventsContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private InProcessEventBus bus;

    @Override
    protected DomainEvents newEvents() {
        bus = new InProcessEventBus();
        return bus;
    }

    @Override
    protected List<String> publishedEventIds() {
        return bus.published().stream().map(entry -> {
            try {
                return JSON.readTree(entry.detail()).get("eventId").asText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }
}
