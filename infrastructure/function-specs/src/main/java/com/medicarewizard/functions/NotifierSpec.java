package com.medicarewizard.functions;

import java.util.Objects;

/**
 * The notifier on the table's change stream.
 *
 * @param function the function
 * @param stream   the stream event source mapping
 */
public record NotifierSpec(FunctionSpec function, StreamSource stream) {

    public NotifierSpec {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(stream, "stream");
    }
}
