package com.medicarewizard.port;

import com.medicarewizard.domain.event.ReservationEvent;

/**
 * Publishes outcome events for other systems (EventBridge in AWS, an in-process bus locally).
 * Delivery is at least once: subscribers drop repeats by the event id.
 */
public interface DomainEvents {

    /** @throws PublishFailedException when the event was not accepted */
    void publish(ReservationEvent event);

    final class PublishFailedException extends RuntimeException {
        public PublishFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
