package com.medicarewizard.port;

/**
 * The queue in front of the single allocator. Receiving is the event source's job (Lambda's SQS
 * mapping, or the embedded runtime's emulation of it), so the domain only ever sends.
 */
public interface ReservationQueue {

    /** Enqueues the command durably; throws {@link QueueUnavailableException} when it could not. */
    void send(ReservationCommand command);

    /** The queue's approximate figures, for operators. */
    QueueFigures figures();

    /** Approximate counts as SQS reports them. */
    record QueueFigures(long visible, long inFlight, long deadLetters) {
    }

    /** The message was not accepted by the queue; the caller decides (the PENDING record stays, the sweeper re-sends). */
    final class QueueUnavailableException extends RuntimeException {
        public QueueUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
