package com.medicarewizard.notifier;

import com.medicarewizard.domain.event.ReservationEvent;
import com.medicarewizard.port.DomainEvents;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps the published events; can be made to refuse them. */
final class RecordingEvents implements DomainEvents {
    final List<ReservationEvent> published = new CopyOnWriteArrayList<>();
    volatile boolean refusing;

    @Override
    public void publish(ReservationEvent event) {
        if (refusing) {
            throw new PublishFailedException("bus unavailable", null);
        }
        published.add(event);
    }
}
