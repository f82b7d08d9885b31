package com.medicarewizard.adapter.embedded.table;

import com.medicarewizard.table.Item;
import com.medicarewizard.table.Key;
import com.medicarewizard.table.Condition;
import com.medicarewizard.table.Write;
import com.medicarewizard.table.Update;
import com.medicarewizard.table.Query;
import com.medicarewizard.table.ItemTable;
import com.medicarewizard.table.SortRange;
import com.medicarewizard.table.TransactionCanceledException;
import com.medicarewizard.table.IndexDefinition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The local stand-in for a DynamoDB table with a NEW_AND_OLD_IMAGES stream: conditional
 * single-item writes, all-or-nothing transactions, queries on the key and on global secondary
 * indexes, and the change stream — durable in a directory through an append-only journal (see
 * the package documentation for why a journal).
 *
 * <p>All writes go through one lock (one writer, in commit order); reads take no lock and never
 * see part of a commit. A write returns only once its journal line is with the OS.
 */
public final class EmbeddedTable implements ItemTable, AutoCloseable {

    private static final String LOCK_FILE = "table.lock";
    private static final Logger LOG = LogManager.getLogger(EmbeddedTable.class);

    private final Path directory;
    private final TableOptions options;
    private final ReentrantLock writer = new ReentrantLock();
    private final JournalCodec codec = new JournalCodec();
    private final ItemStore store;
    private final ChangeStream stream = new ChangeStream(this::writeCheckpoint);
    private final Commits commits;
    private final FileChannel lockChannel;
    private Journal journal;
    private boolean closed;

    private EmbeddedTable(Path directory, List<IndexDefinition> indexes, TableOptions options,
                          FileChannel lockChannel) {
        this.directory = directory;
        this.options = options;
        this.lockChannel = lockChannel;
        this.store = new ItemStore(indexes, writer);
        this.commits = new Commits(store);
    }

    public static EmbeddedTable open(Path directory, List<IndexDefinition> indexes) throws IOException {
        return open(directory, indexes, TableOptions.defaults());
    }

    /** Opens (or creates) the table in {@code directory}, recovering what was committed there. */
    public static EmbeddedTable open(Path directory, List<IndexDefinition> indexes, TableOptions options)
            throws IOException {
        Files.createDirectories(directory);
        FileChannel lockChannel = lockDirectory(directory);
        EmbeddedTable table = new EmbeddedTable(directory, List.copyOf(indexes), options, lockChannel);
        try {
            table.recover();
        } catch (IOException | RuntimeException e) {
            table.close();
            throw e;
        }
        return table;
    }

    @Override
    public Optional<Item> get(Key key) {
        return store.get(key);
    }

    /** Items of partition {@code pk} whose sort key is in {@code range}, in sort key order. */
    public List<Item> query(String pk, SortRange range, int limit, boolean ascending) {
        return store.query(pk, range, limit, ascending);
    }

    @Override
    public List<Item> query(Query query) {
        return query.index()
                .map(index -> queryIndex(index, query.partition(), query.range(), query.limit(), query.ascending()))
                .orElseGet(() -> query(query.partition(), query.range(), query.limit(), query.ascending()));
    }

    @Override
    public List<String> querySortKeys(String pk, SortRange range) {
        return store.querySortKeys(pk, range);
    }

    /** Items of an index partition, ordered by the index sort attribute, then by item key. */
    public List<Item> queryIndex(String index, String partitionValue, SortRange range, int limit,
                                 boolean ascending) {
        return store.queryIndex(index, partitionValue, range, limit, ascending);
    }

    /** Number of items. */
    public long size() {
        return store.size();
    }

    public ChangeStream stream() {
        return stream;
    }

    @Override
    public Optional<Item> put(Item item, Condition condition) {
        return writeOne(Write.put(item, condition));
    }

    @Override
    public Item update(Key key, Update update, Condition condition) {
        Commits.Change change = writeChange(Write.update(key, update, condition));
        return change.newImage().orElseThrow();
    }

    @Override
    public Optional<Item> delete(Key key, Condition condition) {
        return writeOne(Write.delete(key, condition));
    }

    @Override
    public void transact(List<Write> writes) {
        Write.validateTransaction(writes);
        writer.lock();
        try {
            ensureOpen();
            commit(commits.transaction(writes));
        } finally {
            writer.unlock();
        }
    }

    private Optional<Item> writeOne(Write write) {
        return writeChange(write).oldImage();
    }

    private Commits.Change writeChange(Write write) {
        writer.lock();
        try {
            ensureOpen();
            Commits.Change change = commits.single(write);
            commit(List.of(change));
            return change;
        } finally {
            writer.unlock();
        }
    }

    /** Journals, then applies and publishes; a change that changes nothing produces no record. */
    private void commit(List<Commits.Change> changes) {
        List<StreamRecord> records = new ArrayList<>(changes.size());
        long sequence = stream.latestSequence();
        var time = options.clock().instant().truncatedTo(ChronoUnit.MILLIS);
        for (Commits.Change change : changes) {
            if (change.changesItem()) {
                records.add(StreamRecord.of(++sequence, change.oldImage(), change.newImage(), time));
            }
        }
        if (records.isEmpty()) {
            return;
        }
        try {
            journal.append(codec.commit(time, records));
        } catch (IOException e) {
            throw new UncheckedIOException("could not journal a commit", e);
        }
        store.apply(records);
        stream.append(records);
        stream.publish(sequence);
    }

    private void writeCheckpoint(String consumer, long sequence) {
        writer.lock();
        try {
            ensureOpen();
            if (sequence > stream.latestSequence()) {
                throw new IllegalArgumentException("checkpoint " + sequence + " is beyond the latest sequence");
            }
            journal.append(codec.checkpoint(consumer, sequence));
            stream.restoreCheckpoint(consumer, sequence);
        } catch (IOException e) {
            throw new UncheckedIOException("could not journal a checkpoint", e);
        } finally {
            writer.unlock();
        }
    }

    /**
     * Writes a snapshot of the items and of the stream records still retained, then starts an
     * empty journal. Crash-safe at every step: see {@link Snapshot} and {@link Recovery}.
     */
    public void compact() throws IOException {
        writer.lock();
        try {
            ensureOpen();
            int dropped = stream.trim(options.clock().instant(), options.streamRetention());
            Snapshot.write(directory, codec, stream.latestSequence(), stream.checkpoints(), store.items(),
                    stream.retained());
            journal.reset();
            LOG.info("Compacted table {}: {} items, {} stream records kept, {} dropped",
                    directory, store.size(), stream.retained().size(), dropped);
        } finally {
            writer.unlock();
        }
    }

    private void recover() throws IOException {
        Path journalFile = directory.resolve(Journal.FILE);
        new Recovery(directory, codec, store, stream).run(journalFile);
        journal = Journal.open(journalFile, options.syncOnCommit());
        if (options.syncOnCommit()) {
            Snapshot.forceDirectory(directory);
        }
        if (journal.size() > options.compactionThresholdBytes()) {
            compact();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("table " + directory + " is closed");
        }
    }

    @Override
    public void close() throws IOException {
        writer.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            if (journal != null) {
                journal.close();
            }
            lockChannel.close();
        } finally {
            writer.unlock();
        }
    }

    /** One process at a time: the journal has a single writer. */
    private static FileChannel lockDirectory(Path directory) throws IOException {
        FileChannel channel = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return channel;
            }
        } catch (OverlappingFileLockException e) {
            // held by this JVM
        }
        channel.close();
        throw new IllegalStateException("table " + directory + " is already open");
    }
}
