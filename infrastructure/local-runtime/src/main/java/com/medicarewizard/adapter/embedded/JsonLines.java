package com.medicarewizard.adapter.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * An append-only file of JSON documents, one a line, each forced to disk before {@link #append}
 * returns; a torn last line (a crash mid-append) never counted and is skipped when read.
 */
public final class JsonLines {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    public JsonLines(Path file) {
        this.file = file;
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    public synchronized void append(ObjectNode entry) throws IOException {
        PrivateFiles.directory(file.getParent());
        byte[] line = (JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = PrivateFiles.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.wrap(line));
            channel.force(false);
        }
    }

    /** Every entry, oldest first. */
    public synchronized List<JsonNode> read() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<JsonNode> entries = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                try {
                    entries.add(JSON.readTree(line));
                } catch (IOException torn) {
                    // the last line of a crashed append: it never counted
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
