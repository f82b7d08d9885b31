package com.medicarewizard.adapter.embedded.table;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How an {@link EmbeddedTable} keeps its data. {@code syncOnCommit} (the default) forces every
 * commit to the disk with {@code journalSync} before the write returns, one force shared by the
 * commits that wait for it (group commit): it survives power loss. Without it a commit survives a
 * killed process only, as it is handed to the OS before the call returns — for tests and
 * benchmarks that write a lot and never lose power. The journal is compacted on open once larger
 * than {@code compactionThresholdBytes}. A stream record is dropped once every consumer has passed it
 * and it is older than {@code streamRetention} (24 h, as DynamoDB keeps them), when a consumer moves
 * its checkpoint and at compaction; the {@code streamConsumers} named keep every record they have not
 * passed, even before their first checkpoint. A retention of zero keeps in memory and in the snapshot
 * only what a consumer has still to read. The clock stamps stream records and decides which items'
 * time to live has passed.
 */
public record TableOptions(boolean syncOnCommit, JournalSync journalSync, long compactionThresholdBytes,
                           Duration streamRetention, Set<String> streamConsumers, Clock clock) {

    public static final long DEFAULT_COMPACTION_THRESHOLD = 64L * 1024 * 1024;
    public static final Duration DEFAULT_STREAM_RETENTION = Duration.ofHours(24);

    public TableOptions {
        Objects.requireNonNull(journalSync, "journalSync");
        Objects.requireNonNull(streamRetention, "streamRetention");
        if (streamRetention.isNegative()) {
            throw new IllegalArgumentException("streamRetention must not be negative");
        }
        streamConsumers = Set.copyOf(streamConsumers);
        Objects.requireNonNull(clock, "clock");
        if (compactionThresholdBytes < 0) {
            throw new IllegalArgumentException("compactionThresholdBytes must not be negative");
        }
    }

    /** Durable: every commit is on the disk before it returns. */
    public static TableOptions defaults() {
        return new TableOptions(true, JournalSync.FSYNC, DEFAULT_COMPACTION_THRESHOLD, DEFAULT_STREAM_RETENTION,
                Set.of(), Clock.systemUTC());
    }

    public TableOptions withSyncOnCommit(boolean sync) {
        return new TableOptions(sync, journalSync, compactionThresholdBytes, streamRetention, streamConsumers, clock);
    }

    /** Forces with {@code sync} (and forces at all). */
    public TableOptions withJournalSync(JournalSync sync) {
        return new TableOptions(true, sync, compactionThresholdBytes, streamRetention, streamConsumers, clock);
    }

    public TableOptions withCompactionThresholdBytes(long bytes) {
        return new TableOptions(syncOnCommit, journalSync, bytes, streamRetention, streamConsumers, clock);
    }

    public TableOptions withStreamRetention(Duration retention) {
        return new TableOptions(syncOnCommit, journalSync, compactionThresholdBytes, retention, streamConsumers, clock);
    }

    /** Consumers that keep every record they have not passed, from the table's first record on. */
    public TableOptions withStreamConsumers(Set<String> consumers) {
        return new TableOptions(syncOnCommit, journalSync, compactionThresholdBytes, streamRetention, consumers, clock);
    }

    public TableOptions withClock(Clock newClock) {
        return new TableOptions(syncOnCommit, journalSync, compactionThresholdBytes, streamRetention, streamConsumers, newClock);
    }
}
