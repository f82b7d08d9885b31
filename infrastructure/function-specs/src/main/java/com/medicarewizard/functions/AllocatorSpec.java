package com.medicarewizard.functions;

import java.util.Objects;

/**
 * The slot allocator and the reservation queue it alone consumes.
 *
 * @param function the function
 * @param queue    the queue and the event source mapping on it
 */
public record AllocatorSpec(FunctionSpec function, QueueSource queue) {

    public AllocatorSpec {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(queue, "queue");
    }
}
