package com.medicarewizard.adapter.embedded.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.medicarewizard.adapter.embedded.JsonLines;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The local stand-in's record of every message sent, as SNS keeps a delivery log: one JSON line
 * per message in {@code outbox.jsonl}, on disk before the send counts. It holds what was sent (it
 * is the local mail spool); the operator view shows only masked recipients and subjects.
 */
public final class Outbox {
    public static final String FILE = "outbox.jsonl";
    private final JsonLines lines;

    public Outbox(Path directory) {
        this.lines = new JsonLines(directory.resolve(FILE));
    }

    public void append(ObjectNode entry) throws IOException {
        lines.append(entry);
    }

    /** Every entry, oldest first. */
    public List<JsonNode> entries() {
        return lines.read();
    }

    static ObjectNode entry() {
        return JsonLines.object();
    }
}
