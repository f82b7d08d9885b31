package com.medicarewizard.adapter.embedded.table;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The append-only journal: one JSON line per commit. A line is written with one write call
 * straight to the OS (no user-space buffer), so once {@link #append} returns it survives a killed
 * process; with {@code sync} it is also forced to the disk. A crash mid-append leaves a torn last
 * line, which {@link #replay} ignores and truncates away.
 */
final class Journal implements Closeable {

    static final String FILE = "journal.jsonl";

    private static final Logger LOG = LogManager.getLogger(Journal.class);

    /** Receives each decoded line in order. */
    interface EntryHandler {
        void accept(JournalEntry entry) throws IOException;
    }

    private final FileChannel channel;
    private final boolean sync;
    private final ByteBuffer direct = ByteBuffer.allocateDirect(64 * 1024);
    private long size;
    private boolean failed;

    private Journal(FileChannel channel, boolean sync) throws IOException {
        this.channel = channel;
        this.sync = sync;
        this.size = channel.size();
        channel.position(size);
    }

    static Journal open(Path file, boolean sync) throws IOException {
        return new Journal(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE), sync);
    }

    void append(byte[] line) throws IOException {
        if (failed) {
            throw new IOException("journal is unusable after a failed append could not be undone");
        }
        ByteBuffer buffer = staged(line);
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (sync) {
                channel.force(false);
            }
        } catch (IOException e) {
            undoPartialAppend(e);
            throw e;
        }
        size += line.length;
    }

    /** Copies the line into a reused direct buffer, sparing the channel a temporary one per write. */
    private ByteBuffer staged(byte[] line) {
        if (line.length > direct.capacity()) {
            return ByteBuffer.wrap(line);
        }
        direct.clear();
        direct.put(line).flip();
        return direct;
    }

    private void undoPartialAppend(IOException cause) {
        try {
            channel.truncate(size);
            channel.position(size);
        } catch (IOException e) {
            cause.addSuppressed(e);
            failed = true;
        }
    }

    long size() {
        return size;
    }

    /** Empties the journal, after its content went into a durable snapshot. */
    void reset() throws IOException {
        channel.truncate(0);
        channel.position(0);
        channel.force(true);
        size = 0;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /**
     * Replays every complete line. A torn or unreadable tail is truncated; an unreadable line
     * followed by a readable one means corruption and fails the replay.
     */
    static void replay(Path file, JournalCodec codec, EntryHandler handler) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        long goodEnd = 0;
        long offset = 0;
        long badAt = -1;
        byte[] line = new byte[8192];
        int length = 0;
        byte[] chunk = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(chunk)) > 0) {
                for (int i = 0; i < read; i++) {
                    offset++;
                    if (chunk[i] != '\n') {
                        if (length == line.length) {
                            line = Arrays.copyOf(line, line.length * 2);
                        }
                        line[length++] = chunk[i];
                        continue;
                    }
                    JournalEntry entry = decode(codec, line, length);
                    length = 0;
                    if (entry == null) {
                        badAt = badAt < 0 ? goodEnd : badAt;
                        continue;
                    }
                    if (badAt >= 0) {
                        throw new IOException("journal " + file + " is corrupt at byte " + badAt);
                    }
                    handler.accept(entry);
                    goodEnd = offset;
                }
            }
        }
        if (goodEnd < offset) {
            LOG.warn("Journal {} ends with {} bytes of a torn or unreadable write; truncating them",
                    file, offset - goodEnd);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(goodEnd);
                channel.force(true);
            }
        }
    }

    private static JournalEntry decode(JournalCodec codec, byte[] line, int length) {
        try {
            return codec.parse(line, length);
        } catch (IOException e) {
            return null;
        }
    }
}
