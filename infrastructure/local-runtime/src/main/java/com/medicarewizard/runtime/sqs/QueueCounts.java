package com.medicarewizard.runtime.sqs;

/**
 * The approximate counts SQS reports for one queue.
 *
 * @param visible messages available for receive
 * @param inFlight messages received and not yet deleted nor visible again
 * @param delayed messages sent with a delay that has not elapsed
 */
public record QueueCounts(long visible, long inFlight, long delayed) {

    /** Every message the queue holds, whatever its state. */
    public long total() {
        return visible + inFlight + delayed;
    }
}
