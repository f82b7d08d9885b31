package com.medicarewizard.runtime.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.medicarewizard.adapter.embedded.JsonLines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The embedded runtime's on-failure destination: Lambda's invocation record of each batch given
 * up on ({@link FailedBatch#toJson()}), one JSON line each, kept on disk for operators.
 */
public final class OnFailureDestination implements FailureDestination {
    private final JsonLines lines;

    public OnFailureDestination(Path file) {
        this.lines = new JsonLines(file);
    }

    @Override
    public void send(FailedBatch batch) {
        try {
            lines.append(batch.toJson());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the on-failure destination", e);
        }
    }

    /** What was sent here, oldest first. */
    public List<JsonNode> entries() {
        return lines.read();
    }
}
