package com.medicarewizard.adapter.embedded.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.medicarewizard.adapter.embedded.JsonLines;
import com.medicarewizard.adapter.embedded.table.JournalSync;
import org.apache.commons.io.input.ReversedLinesFileReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The local stand-in's record of every message sent, as SNS keeps a delivery log: one JSON line
 * per message in {@code outbox.jsonl}, on disk before the send counts. It holds what was sent (it
 * is the local mail spool); the operator view shows only masked recipients and subjects.
 * <p>
 * It does not grow forever: once {@code outbox.jsonl} reaches {@link #MAX_FILE_BYTES} it becomes
 * {@code outbox.jsonl.1} (and {@code .1} becomes {@code .2}, …), keeping {@link #KEPT_FILES} files
 * in all; the oldest messages go. The latest messages are read backwards from the end of the
 * newest files, only as far as asked.
 */
public final class Outbox {
    public static final String FILE = "outbox.jsonl";
    /** Some thousands of messages a file, calendar files included. */
    public static final long MAX_FILE_BYTES = 8L * 1024 * 1024;
    /** {@code outbox.jsonl} and three rotated ones: at most about 32 MiB on disk. */
    public static final int KEPT_FILES = 4;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path directory;
    private final JsonLines newest;
    private final JournalSync sync;
    /** Whether this thread is in a {@link #deferringForces} block, and whether it appended meanwhile. */
    private final ThreadLocal<boolean[]> deferring = new ThreadLocal<>();

    public Outbox(Path directory) {
        this(directory, JournalSync.FSYNC);
    }

    /** With {@code sync} forcing its lines (tests observe forces). */
    public Outbox(Path directory, JournalSync sync) {
        this.directory = directory;
        this.sync = sync;
        this.newest = new JsonLines(file(0), sync);
    }

    /**
     * Appends the entry, after rotating a full newest file: forced to disk before it returns, or,
     * inside a {@link #deferringForces} block, written to the OS at once and forced at the block's end.
     */
    public synchronized void append(ObjectNode entry) throws IOException {
        Path current = file(0);
        if (Files.isRegularFile(current) && Files.size(current) >= MAX_FILE_BYTES) {
            rotate();
        }
        boolean[] appended = deferring.get();
        if (appended == null) {
            newest.append(entry);
        } else {
            newest.appendUnforced(entry);
            appended[0] = true;
        }
    }

    /**
     * Runs {@code work} with the forces of its appends (on this thread) deferred to its end: one
     * force for all of them instead of one a line; then, only once that force succeeded (or nothing
     * was appended), {@code onceForced} — where the caller records what depends on the lines being on
     * the disk (the notifier's sent markers: see {@link OutboxFirstLedger}). A killed process keeps
     * every line (each is written to the OS at once); a power cut before the force may take the
     * block's lines, but then nothing that depends on them was recorded.
     *
     * @throws UncheckedIOException when the force failed ({@code onceForced} did not run)
     */
    public <T> T deferringForces(Supplier<T> work, Runnable onceForced) {
        if (deferring.get() != null) {
            throw new IllegalStateException("the outbox's forces are already deferred on this thread");
        }
        boolean[] appended = {false};
        deferring.set(appended);
        try {
            return work.get();
        } finally {
            deferring.remove();
            if (appended[0]) {
                force();
            }
            onceForced.run();
        }
    }

    private synchronized void force() {
        try {
            newest.force();
        } catch (IOException e) {
            throw new UncheckedIOException("could not force the outbox to the disk", e);
        }
    }

    /** Every kept entry, oldest first (the local spool, for tests and curious developers). */
    public synchronized List<JsonNode> entries() {
        List<JsonNode> all = new ArrayList<>();
        for (int i = KEPT_FILES - 1; i >= 0; i--) {
            all.addAll(new JsonLines(file(i)).read());
        }
        return all;
    }

    /**
     * Removes, from every kept file, the entries {@code unwanted} matches (a patient's messages, when
     * they erase their account); answers how many went.
     */
    public synchronized int removeIf(Predicate<JsonNode> unwanted) {
        int removed = 0;
        try {
            for (int i = 0; i < KEPT_FILES; i++) {
                removed += (i == 0 ? newest : new JsonLines(file(i), sync)).removeIf(unwanted);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not rewrite the outbox", e);
        }
        return removed;
    }

    /** The latest {@code limit} entries, newest first, read from the end of the newest files. */
    public synchronized List<JsonNode> latest(int limit) {
        List<JsonNode> found = new ArrayList<>();
        for (int i = 0; i < KEPT_FILES && found.size() < limit; i++) {
            if (Files.isRegularFile(file(i))) {
                readBackwards(file(i), limit, found);
            }
        }
        return found;
    }

    static ObjectNode entry() {
        return JsonLines.object();
    }

    private static void readBackwards(Path file, int limit, List<JsonNode> found) {
        try (ReversedLinesFileReader lines = ReversedLinesFileReader.builder().setPath(file)
                .setCharset(StandardCharsets.UTF_8).get()) {
            for (String line = lines.readLine(); line != null && found.size() < limit; line = lines.readLine()) {
                try {
                    if (!line.isBlank()) {
                        found.add(JSON.readTree(line));
                    }
                } catch (IOException torn) {
                    // the last line of a crashed append: it never counted
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Each file moves one place older (each move atomic, the newest forced first); the oldest kept one goes. */
    private void rotate() throws IOException {
        newest.force();
        Files.deleteIfExists(file(KEPT_FILES - 1));
        for (int i = KEPT_FILES - 2; i >= 0; i--) {
            if (Files.exists(file(i))) {
                Files.move(file(i), file(i + 1), StandardCopyOption.ATOMIC_MOVE);
            }
        }
        try (FileChannel folder = FileChannel.open(directory, StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException notOnThisSystem) {
            // some systems cannot open a folder to force it; the renames still happened
        }
    }

    private Path file(int age) {
        return directory.resolve(age == 0 ? FILE : FILE + "." + age);
    }
}
