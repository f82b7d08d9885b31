package com.medicarewizard.functions;

import java.util.Objects;

/**
 * Availability's read model kept from the table's change stream (docs/adr/0014); AWS only.
 *
 * @param function        the function
 * @param stream          the stream event source mapping (claim records only, by the mapping's filter)
 * @param parallelization batches of one shard processed at once (Lambda's ParallelizationFactor, 1..10);
 *                        Lambda keeps the records of one item key in order, all a summary needs
 */
public record AvailabilityProjectorSpec(FunctionSpec function, StreamSource stream, int parallelization) {

    public AvailabilityProjectorSpec {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(stream, "stream");
        if (parallelization < 1 || parallelization > 10) {
            throw new IllegalArgumentException("a parallelization factor is within 1..10");
        }
    }
}
