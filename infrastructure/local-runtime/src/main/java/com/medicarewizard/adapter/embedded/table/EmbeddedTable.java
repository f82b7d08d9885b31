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
import com.medicarewizard.table.ConditionFailedException;
import com.medicarewizard.table.IndexDefinition;

import com.medicarewizard.adapter.embedded.PrivateFiles;

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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The local stand-in for a DynamoDB table with a NEW_AND_OLD_IMAGES stream: conditional
 * single-item writes, all-or-nothing transactions, queries on the key and on global secondary
 * indexes, and the change stream — durable in a directory through an append-only journal (see
 * the package documentation for why a journal).
 *
 * <p>All writes go through one lock (one writer, in commit order); reads take no lock and never
 * see part of a commit. A write returns only once its journal line is on the disk (with
 * {@link TableOptions#syncOnCommit()}, the default; otherwise once it is with the OS), and its
 * stream records are readable only from then on. Reads may see a commit while it is being
 * forced: a write that depends on it is journalled after it, so is never durable without it.
 */
public final class EmbeddedTable implements ItemTable, AutoCloseable {

    static final String LOCK_FILE = "table.lock";
    private static final long FIVE_YEARS_SECONDS = 5L * 365 * 24 * 3600;
    /** Expired items deleted per hold of the writer lock, so that a large sweep never holds writes up long. */
    private static final int EXPIRED_PER_LOCK = 100;
    private static final Logger LOG = LogManager.getLogger(EmbeddedTable.class);

    private final Path directory;
    private final TableOptions options;
    private final ReentrantLock writer = new ReentrantLock();
    private final JournalCodec codec = new JournalCodec();
    private final ItemStore store;
    private final ChangeStream stream = new ChangeStream(this::writeCheckpoint);
    private final Commits commits;
    private final FileChannel lockChannel;
    private final Object compacting = new Object();
    /** The last commit of a {@link #deferringForces} block, per thread. */
    private final ThreadLocal<Appended[]> deferred = new ThreadLocal<>();
    private Journal journal;
    /** The last sequence number journalled (under the writer lock); the stream publishes it once durable. */
    private long lastSequence;
    private volatile boolean closed;

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
        PrivateFiles.directory(directory);
        PrivateFiles.tighten(directory);
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

    /**
     * One page of a query, as DynamoDB's Query with an {@code ExclusiveStartKey}: the items after
     * {@code exclusiveStart} in the query's order — an item of the query (only its key, and for an
     * index query its index sort attribute, matter) — up to the query's limit.
     */
    public List<Item> query(Query query, Optional<Item> exclusiveStart) {
        return query.index()
                .map(index -> store.queryIndex(index, query.partition(), query.range(), exclusiveStart, query.limit(),
                        query.ascending()))
                .orElseGet(() -> store.query(query.partition(), query.range(),
                        exclusiveStart.map(item -> item.key().sk()), query.limit(), query.ascending()));
    }

    /** The table's global secondary indexes. */
    public List<IndexDefinition> indexes() {
        return store.indexes();
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
        return write(Write.put(item, condition)).oldImage();
    }

    @Override
    public Item update(Key key, Update update, Condition condition) {
        return write(Write.update(key, update, condition)).newImage().orElseThrow();
    }

    @Override
    public Optional<Item> delete(Key key, Condition condition) {
        return write(Write.delete(key, condition)).oldImage();
    }

    @Override
    public void transact(List<Write> writes) {
        transactChanges(writes);
    }

    /**
     * As {@link #transact}, answering what each write did to its item, in the order given: for a
     * caller that accounts for the items as they were and became (the DynamoDB endpoint's capacity
     * units), which it could not read apart from the write without a race.
     */
    public List<ItemChange> transactChanges(List<Write> writes) {
        Write.validateTransaction(writes);
        writer.lock();
        List<ItemChange> changes;
        Appended appended;
        try {
            ensureOpen();
            changes = commits.transaction(writes);
            appended = commit(changes, false);
        } finally {
            writer.unlock();
        }
        awaitDurable(appended);
        return changes;
    }

    /**
     * One conditional write (a Put, Update, Delete, or a lone ConditionCheck that writes nothing),
     * answering the item as it was and as it became.
     *
     * @throws ConditionFailedException if its condition does not hold; nothing is written
     */
    public ItemChange write(Write write) {
        writer.lock();
        ItemChange change;
        Appended appended;
        try {
            ensureOpen();
            change = commits.single(write);
            appended = commit(List.of(change), false);
        } finally {
            writer.unlock();
        }
        awaitDurable(appended);
        return change;
    }

    /** Where a commit's line ends in the journal and the last sequence number it holds. */
    private record Appended(long position, long sequence) {
        static final Appended NOTHING = new Appended(0, 0);
    }

    /**
     * Journals, then applies; a change that changes nothing produces no record. Its records are
     * streamed only once {@link #awaitDurable} saw the line on the disk, so that no consumer acts
     * (e-mails, texts) on a commit a power loss could take back.
     */
    private Appended commit(List<ItemChange> changes, boolean byTimeToLive) {
        List<StreamRecord> records = new ArrayList<>(changes.size());
        long sequence = lastSequence;
        var time = options.clock().instant().truncatedTo(ChronoUnit.MILLIS);
        for (ItemChange change : changes) {
            if (change.changesItem()) {
                records.add(StreamRecord.of(++sequence, change.oldImage(), change.newImage(), time, byTimeToLive));
            }
        }
        if (records.isEmpty()) {
            return Appended.NOTHING;
        }
        long position;
        try {
            position = journal.append(codec.commit(time, records));
        } catch (IOException e) {
            throw new UncheckedIOException("could not journal a commit", e);
        }
        // streamed (not yet readable) before applied: a reader who sees the change in the items can
        // always tell it is not yet durable (ChangeStream.unpublished)
        stream.append(records);
        store.apply(records);
        lastSequence = sequence;
        return new Appended(position, sequence);
    }

    /**
     * Runs {@code work} with the forces of its writes (on this thread) deferred to its end: each
     * write returns once journalled, and {@code work} returns only once one force covers them all,
     * their stream records readable from then on. For a caller none of whose writes is acted upon
     * before it returns — the allocator, whose queue message is deleted and whose decision is
     * streamed only after its invocation — so that one thread's many writes (a claim per cell)
     * share one force instead of waiting for one each.
     */
    public <T> T deferringForces(Supplier<T> work) {
        return collectingWrites(work, this::awaitDurable);
    }

    /** Runs {@code work} with its writes (on this thread) returning once journalled; then hands the last one to {@code then}. */
    private <T> T collectingWrites(Supplier<T> work, Consumer<Appended> then) {
        if (deferred.get() != null) {
            return work.get();
        }
        Appended[] last = {Appended.NOTHING};
        deferred.set(last);
        try {
            return work.get();
        } finally {
            deferred.remove();
            then.accept(last[0]);
        }
    }

    /**
     * Runs {@code work} without waiting for the forces of its writes (on this thread): each write
     * returns once journalled — written to the OS, so it survives a killed process — and reaches the
     * disk, its stream records readable, with the next force anyone makes (at the latest when the
     * table closes). For writes whose loss in a power cut costs nothing that matters, and whose wait
     * would sit on a request's path: the rate limits' counters (a power cut forgets the last
     * moments' counts). Forcing them in the background instead would start a force just before the
     * same request's PENDING write, which would then wait for two. Inside a {@link #deferringForces}
     * block the writes join that block's force.
     */
    public <T> T withoutAwaitingForces(Supplier<T> work) {
        return collectingWrites(work, appended -> { });
    }

    /**
     * The items {@code filter} accepts, read without a lock (each as some commit left it). A scan of
     * the whole table: for the runtime's start-up work, never on a request's path.
     */
    public List<Item> scan(Predicate<Item> filter) {
        return store.items().filter(filter).toList();
    }

    /** Returns once the commit's line is on the disk (group commit: see {@link Journal}), then streams it. */
    private void awaitDurable(Appended appended) {
        if (appended == Appended.NOTHING) {
            return;
        }
        Appended[] deferring = deferred.get();
        if (deferring != null) {
            deferring[0] = appended;
            return;
        }
        try {
            journal.awaitDurable(appended.position());
        } catch (IOException e) {
            throw new UncheckedIOException("could not force the journal of " + directory + " to the disk", e);
        }
        stream.publish(appended.sequence());
    }

    /**
     * Deletes the items whose {@code ttlAttribute} (epoch seconds) has passed, as DynamoDB's time to
     * live does: each on its own, only if the attribute still holds the value found (an item renewed
     * meanwhile stays), streamed as a REMOVE {@linkplain StreamRecord#byTimeToLive() by the service}.
     * As in DynamoDB, an attribute that is not a number, or more than five years in the past, is
     * ignored. Returns how many items were deleted.
     */
    public int deleteExpired(String ttlAttribute) {
        long now = options.clock().instant().getEpochSecond();
        long ignoredBefore = now - FIVE_YEARS_SECONDS;
        List<Item> expired = store.items()
                .filter(item -> item.value(ttlAttribute).orElse(null) instanceof Long at && at < now && at >= ignoredBefore)
                .toList();
        int deleted = 0;
        for (int from = 0; from < expired.size(); from += EXPIRED_PER_LOCK) {
            deleted += deleteExpired(expired.subList(from, Math.min(expired.size(), from + EXPIRED_PER_LOCK)),
                    ttlAttribute);
        }
        return deleted;
    }

    /** One commit each, under one lock hold, all made durable by one wait. */
    private int deleteExpired(List<Item> expired, String ttlAttribute) {
        Appended last = Appended.NOTHING;
        int deleted = 0;
        writer.lock();
        try {
            ensureOpen();
            for (Item item : expired) {
                Write delete = Write.delete(item.key(), Condition.equals(ttlAttribute, item.longValue(ttlAttribute)));
                try {
                    last = commit(List.of(commits.single(delete)), true);
                    deleted++;
                } catch (ConditionFailedException renewedOrGone) {
                    // renewed or deleted since it was found: nothing to do
                }
            }
        } finally {
            writer.unlock();
        }
        awaitDurable(last);
        return deleted;
    }

    private void writeCheckpoint(String consumer, long sequence) {
        writer.lock();
        try {
            ensureOpen();
            if (sequence > stream.latestSequence()) {
                throw new IllegalArgumentException("checkpoint " + sequence + " is beyond the latest sequence");
            }
            // Not forced: a checkpoint lost with the power means records delivered again, which the
            // stream's consumers tolerate (at-least-once); forcing would only slow the stream down.
            journal.append(codec.checkpoint(consumer, sequence));
            stream.restoreCheckpoint(consumer, sequence);
            // what every consumer has now passed leaves memory at once when the retention allows: a
            // record kept until compaction would be copied by every young collection until then
            stream.trim(options.clock().instant(), options.streamRetention(), options.streamConsumers());
        } catch (IOException e) {
            throw new UncheckedIOException("could not journal a checkpoint", e);
        } finally {
            writer.unlock();
        }
    }

    /**
     * Writes a snapshot of the items and of the stream records still retained, then drops the
     * journal lines it holds. Writes wait only while the state is frozen (item references copied)
     * and while the few lines journalled meanwhile are moved to a fresh journal — not while the
     * snapshot is written. Crash-safe at every step: see {@link Snapshot} and {@link Recovery}.
     */
    public void compact() throws IOException {
        synchronized (compacting) {
            Frozen frozen = freeze();
            Snapshot.write(directory, codec, options.journalSync(), frozen.sequence(), frozen.checkpoints(),
                    frozen.items().stream(), frozen.records());
            writer.lock();
            try {
                ensureOpen();
                journal.keepFrom(frozen.position());
            } finally {
                writer.unlock();
            }
            LOG.info("Compacted table {}: {} items, {} stream records kept, {} dropped",
                    directory, frozen.items().size(), frozen.records().size(), frozen.dropped());
        }
    }

    private record Frozen(long position, long sequence, Map<String, Long> checkpoints, List<Item> items,
                          List<StreamRecord> records, int dropped) {
    }

    private Frozen freeze() {
        writer.lock();
        try {
            ensureOpen();
            int dropped = stream.trim(options.clock().instant(), options.streamRetention(),
                    options.streamConsumers());
            return new Frozen(journal.position(), lastSequence, stream.checkpoints(), store.items().toList(),
                    List.copyOf(stream.retained()), dropped);
        } finally {
            writer.unlock();
        }
    }

    private void recover() throws IOException {
        Path journalFile = directory.resolve(Journal.FILE);
        new Recovery(directory, codec, store, stream).run(journalFile);
        lastSequence = stream.latestSequence();
        journal = Journal.open(journalFile, options.syncOnCommit(), options.journalSync());
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
        FileChannel channel = PrivateFiles.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE,
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
