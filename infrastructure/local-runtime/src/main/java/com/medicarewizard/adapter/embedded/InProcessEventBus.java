package com.medicarewizard.adapter.embedded;

import com.medicarewizard.adapter.eventbridge.EventEntries;
import com.medicarewizard.domain.event.ReservationEvent;
import com.medicarewizard.port.DomainEvents;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * {@link DomainEvents} in one process, standing in for the EventBridge bus: each event becomes the
 * same PutEvents entry the EventBridge adapter sends, is checked as PutEvents checks it (a
 * refused entry is a failed publish), logged, and handed to the in-process subscribers.
 */
public final class InProcessEventBus implements DomainEvents {
    public static final String BUS = "medicarewizard-local";
    private static final Logger LOG = LogManager.getLogger(InProcessEventBus.class);
    private static final int KEPT = 1000;
    private final List<Consumer<PutEventsRequestEntry>> subscribers = new CopyOnWriteArrayList<>();
    private final List<PutEventsRequestEntry> recent = new ArrayList<>();

    public void subscribe(Consumer<PutEventsRequestEntry> subscriber) {
        subscribers.add(subscriber);
    }

    @Override
    public void publish(ReservationEvent event) {
        PutEventsRequestEntry entry = EventEntries.entry(event, BUS);
        try {
            EventEntries.validate(entry);
        } catch (IllegalArgumentException e) {
            throw new PublishFailedException("the bus refused " + entry.detailType() + ": " + e.getMessage(), e);
        }
        synchronized (recent) {
            recent.add(entry);
            if (recent.size() > KEPT) {
                recent.removeFirst();
            }
        }
        LOG.info("event {} {} for reservation {}", entry.detailType(), event.eventId(), event.reservation());
        subscribers.forEach(s -> s.accept(entry));
    }

    /** The last published entries, oldest first. */
    public List<PutEventsRequestEntry> published() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }
}
