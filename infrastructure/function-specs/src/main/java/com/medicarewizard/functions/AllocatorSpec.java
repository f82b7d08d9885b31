package com.medicarewizard.functions;

import java.util.List;
import java.util.Objects;

/**
 * The slot allocator and the reservation queue it alone consumes.
 *
 * @param function      the function
 * @param queue         the queue and the event source mapping on it
 * @param decidedAtOnce the most commands of a batch the function decides at once (those that share no
 *                      patient and no day of a site), and whether a decision's independent reads go at
 *                      once: more than one where each table call is a round trip (docs/adr/0015)
 */
public record AllocatorSpec(FunctionSpec function, QueueSource queue, PerRuntime<Integer> decidedAtOnce) {

    public AllocatorSpec {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(decidedAtOnce, "decided at once");
        for (int n : List.of(decidedAtOnce.aws(), decidedAtOnce.local())) {
            if (n < 1 || n > queue.batchSize()) {
                throw new IllegalArgumentException("1 to a batch's " + queue.batchSize() + " commands at once, not " + n);
            }
        }
    }
}
