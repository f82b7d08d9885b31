package com.medicarewizard.lambda.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The process's standard output, line by line, while still written through: what a Lambda
 * function prints there reaches CloudWatch Logs, which turns Embedded Metric Format lines into
 * metrics. Installed before the entries are built, since they bind {@code System.out} then.
 */
final class StdoutLines implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final PrintStream original = System.out;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    StdoutLines() {
        System.setOut(new PrintStream(new Tee(), true, StandardCharsets.UTF_8));
    }

    /** The EMF lines printed so far (JSON objects with an {@code _aws} directive), oldest first. */
    List<JsonNode> emf() {
        return lines.stream().filter(l -> l.startsWith("{") && l.contains("\"_aws\""))
                .map(StdoutLines::json).flatMap(Optional::stream).filter(n -> n.has("_aws")).toList();
    }

    private static Optional<JsonNode> json(String line) {
        try {
            return Optional.of(JSON.readTree(line));
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        System.out.flush();
        System.setOut(original);
    }

    /** Writes through to the original stream and keeps each complete line. */
    private final class Tee extends OutputStream {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            original.write(b);
            if (b == '\n') {
                lines.add(line.toString(StandardCharsets.UTF_8).stripTrailing());
                line.reset();
            } else {
                line.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }

        @Override
        public void flush() {
            original.flush();
        }
    }
}
