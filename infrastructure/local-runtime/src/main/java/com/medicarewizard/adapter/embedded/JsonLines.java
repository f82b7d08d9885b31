package com.medicarewizard.adapter.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.medicarewizard.adapter.embedded.table.JournalSync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * An append-only file of JSON documents, one a line (rewritten only to remove some, {@link #removeIf}),
 * each forced to disk before {@link #append} returns (or, with {@link #appendUnforced}, written to the OS at once and forced by a later
 * {@link #force}); a torn last line (a crash mid-append) never counted and is skipped when read.
 */
public final class JsonLines {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private final JournalSync sync;

    public JsonLines(Path file) {
        this(file, JournalSync.FSYNC);
    }

    /** With {@code sync} forcing the file (tests observe forces). */
    public JsonLines(Path file, JournalSync sync) {
        this.file = file;
        this.sync = sync;
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    public synchronized void append(ObjectNode entry) throws IOException {
        write(entry, true);
    }

    /** Appends the entry, written to the OS (a killed process keeps it) but not forced to the disk. */
    public synchronized void appendUnforced(ObjectNode entry) throws IOException {
        write(entry, false);
    }

    /** Forces what was appended to the disk. */
    public synchronized void force() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            sync.force(channel);
        }
    }

    private void write(ObjectNode entry, boolean force) throws IOException {
        PrivateFiles.directory(file.getParent());
        byte[] line = (JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = PrivateFiles.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (force) {
                sync.force(channel);
            }
        }
    }

    /**
     * Rewrites the file without the entries {@code unwanted} matches: the rest go to a new file, forced,
     * which then replaces this one in one atomic rename (a crash leaves the one or the other, whole).
     * Answers how many went.
     */
    public synchronized int removeIf(Predicate<JsonNode> unwanted) throws IOException {
        List<JsonNode> entries = read();
        List<JsonNode> kept = entries.stream().filter(unwanted.negate()).toList();
        if (kept.size() == entries.size()) {
            return 0;
        }
        Path rewritten = file.resolveSibling(file.getFileName() + ".rewrite");
        try (FileChannel channel = PrivateFiles.open(rewritten, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            StringBuilder text = new StringBuilder();
            for (JsonNode entry : kept) {
                text.append(JSON.writeValueAsString(entry)).append('\n');
            }
            ByteBuffer buffer = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            sync.force(channel);
        }
        Files.move(rewritten, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return entries.size() - kept.size();
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
