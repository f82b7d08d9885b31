package com.medicarewizard.adapter.embedded.table;

import com.medicarewizard.adapter.embedded.PrivateFiles;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The append-only journal: one checksummed JSON line per commit. A line is written with one write
 * call straight to the OS (no user-space buffer), so once {@link #append} returns it survives a
 * killed process; {@link #awaitDurable} then forces it to the disk, so that it survives power loss.
 *
 * <p><b>Group commit.</b> Appends happen under the table's writer lock; forces do not. A committer
 * waiting for its line takes the force lock; if a force that began after its append has meanwhile
 * completed, it returns at once, otherwise it forces everything appended so far — its line and
 * those of every committer queued behind it, who then find theirs covered. One force (10–25 ms on
 * the build machine's disk) thus serves all the commits made while the previous one ran.
 *
 * <p><b>Interrupts.</b> A thread interrupted inside a {@link FileChannel} call closes the channel
 * ({@code ClosedByInterruptException}), and the runtime interrupts threads that outlive a Lambda or
 * gateway timeout. So the file is only ever written and forced on two threads of the journal's own
 * that nobody interrupts; a committer waits for them without giving up on an interrupt (its line
 * is written and forced all the same) and finds its interrupt status set again afterwards.
 *
 * <p>Positions are logical: bytes ever appended to this journal, across compactions, which keep
 * only the lines appended after the compacted state (see {@link #keepFrom}).
 */
final class Journal implements Closeable {

    static final String FILE = "journal.jsonl";
    static final String TEMP = "journal.jsonl.tmp";

    private static final Logger LOG = LogManager.getLogger(Journal.class);

    private final Path file;
    private final boolean sync;
    private final JournalSync journalSync;
    private final ByteBuffer direct = ByteBuffer.allocateDirect(64 * 1024);
    private final ReentrantLock forcing = new ReentrantLock();
    /** Appends; apart from forces, so that lines go on being appended while a force runs (group commit). */
    private final ExecutorService appender = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("table-journal-append").daemon().factory());
    private final ExecutorService forcer = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("table-journal-force").daemon().factory());
    private FileChannel channel;
    /** Logical position of the current file's first byte. */
    private long base;
    private long size;
    private volatile long appended;
    private volatile long durable;
    private volatile boolean failed;

    private Journal(Path file, FileChannel channel, boolean sync, JournalSync journalSync) throws IOException {
        this.file = file;
        this.channel = channel;
        this.sync = sync;
        this.journalSync = journalSync;
        this.size = channel.size();
        this.appended = size;
        this.durable = size;
        channel.position(size);
    }

    static Journal open(Path file, boolean sync, JournalSync journalSync) throws IOException {
        Files.deleteIfExists(file.resolveSibling(TEMP));
        return new Journal(file, openChannel(file), sync, journalSync);
    }

    private static FileChannel openChannel(Path file) throws IOException {
        return PrivateFiles.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /** Writes the line to the OS; returns the logical position after it, for {@link #awaitDurable}. */
    long append(byte[] line) throws IOException {
        if (failed) {
            throw new IOException("journal " + file + " is unusable after a failed write or force");
        }
        ByteBuffer buffer = staged(line);
        uninterruptibly(appender, () -> {
            try {
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            } catch (IOException e) {
                undoPartialAppend(e);
                throw e;
            }
            return null;
        });
        size += line.length;
        appended = base + size;
        return appended;
    }

    /**
     * Returns once everything up to {@code position} is on the disk (at once without sync). A failed
     * force makes the journal unusable: what it covered may or may not be on the disk.
     */
    void awaitDurable(long position) throws IOException {
        if (!sync || durable >= position) {
            return;
        }
        forcing.lock();
        try {
            if (durable >= position) {
                return;
            }
            if (failed) {
                throw new IOException("journal " + file + " is unusable after a failed write or force");
            }
            long upTo = appended;
            try {
                uninterruptibly(forcer, () -> {
                    journalSync.force(channel);
                    return null;
                });
            } catch (IOException e) {
                failed = true;
                throw e;
            }
            durable = Math.max(durable, upTo);
        } finally {
            forcing.unlock();
        }
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

    /** The logical position after the last line appended. */
    long position() {
        return appended;
    }

    /** Bytes in the journal file. */
    long size() {
        return size;
    }

    /**
     * Drops the lines before {@code position}, after a durable snapshot took them in: the lines
     * after it (appended while the snapshot was written) go to a new file, forced and renamed over
     * the journal. Called under the writer lock; waits for a force in flight. A crash before the
     * rename leaves the whole journal, whose lines the snapshot holds are skipped on recovery.
     */
    void keepFrom(long position) throws IOException {
        forcing.lock();
        try {
            uninterruptibly(forcer, () -> {
                keepOnlyFrom(position);
                return null;
            });
        } finally {
            forcing.unlock();
        }
    }

    private void keepOnlyFrom(long position) throws IOException {
        {
            long from = position - base;
            Path temp = file.resolveSibling(TEMP);
            try (FileChannel tail = PrivateFiles.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                copy(channel, from, size, tail);
                tail.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try {
                Snapshot.forceDirectory(file.getParent());
                channel.close();
                channel = openChannel(file);
                base = position;
                size = channel.size();
                channel.position(size);
                durable = appended;
            } catch (IOException | RuntimeException e) {
                // the channel may still name the file the rename unlinked, or the rename may not be on the
                // disk: a line appended now could be acknowledged and lost, so no line is taken any more
                failed = true;
                throw e;
            }
        }
    }

    /** Copies bytes {@code [from, to)} of {@code source} to {@code target}'s position. */
    static void copy(FileChannel source, long from, long to, FileChannel target) throws IOException {
        for (long at = from; at < to; ) {
            at += source.transferTo(at, to - at, target);
        }
    }

    @Override
    public void close() throws IOException {
        forcing.lock();
        try {
            uninterruptibly(forcer, () -> {
                if (sync && !failed && durable < appended) {
                    // lines written without waiting for a force (EmbeddedTable.withoutAwaitingForces)
                    journalSync.force(channel);
                }
                channel.close();
                return null;
            });
        } finally {
            forcing.unlock();
            appender.shutdown();
            forcer.shutdown();
        }
    }

    private interface FileWork<T> {
        T run() throws IOException;
    }

    /** Runs {@code work} on {@code thread} and waits for it to end, whatever interrupts this thread meanwhile. */
    private static <T> T uninterruptibly(ExecutorService thread, FileWork<T> work) throws IOException {
        Future<T> done = thread.submit(work::run);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return done.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    switch (e.getCause()) {
                        case IOException io -> throw io;
                        case RuntimeException runtime -> throw runtime;
                        case Error error -> throw error;
                        default -> throw new IOException(e.getCause());
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Replays every line. Only a torn final line (no newline: a crash mid-append, never
     * acknowledged) is dropped, with a warning; any complete line that does not check out refuses
     * the replay with a {@link CorruptJournalException}.
     */
    static void replay(Path file, JournalCodec codec, JournalScan.EntryHandler handler) throws IOException {
        JournalScan scan = JournalScan.of(file, codec, handler);
        if (scan.damage().isPresent()) {
            throw new CorruptJournalException(file, scan.damage().get());
        }
        if (scan.tornTail() > 0) {
            LOG.warn("Journal {} ends with {} bytes of a torn write (a crash while appending, never acknowledged); "
                    + "dropping them", file, scan.tornTail());
            try (FileChannel torn = FileChannel.open(file, StandardOpenOption.WRITE)) {
                torn.truncate(scan.goodEnd());
                torn.force(true);
            }
        }
    }
}
