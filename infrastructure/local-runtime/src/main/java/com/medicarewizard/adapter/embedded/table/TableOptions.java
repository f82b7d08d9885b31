package com.medicarewizard.adapter.embedded.table;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link EmbeddedTable} keeps its data. {@code syncOnCommit} (the default) forces every
 * commit to the disk with {@code journalSync} before the write returns, one force shared by the
 * commits that wait for it (group commit): it survives power loss. Without it a commit survives a
 * killed process only, as it is handed to the OS before the call returns — for tests and
 * benchmarks that write a lot and never lose power. The journal is compacted on open once larger
 * than {@code compactionThresholdBytes}. Stream records older than {@code streamRetention} may then
 * be dropped. The clock stamps stream records and decides which items' time to live has passed.
 */
public record TableOptions(boolean syncOnCommit, JournalSync journalSync, long compactionThresholdBytes,
                           Duration streamRetention, Clock clock) {

    public static final long DEFAULT_COMPACTION_THRESHOLD = 64L * 1024 * 1024;
    public static final Duration DEFAULT_STREAM_RETENTION = Duration.ofHours(24);

    public TableOptions {
        Objects.requireNonNull(journalSync, "journalSync");
        Objects.requireNonNull(streamRetention, "streamRetention");
        Objects.requireNonNull(clock, "clock");
        if (compactionThresholdBytes < 0) {
            throw new IllegalArgumentException("compactionThresholdBytes must not be negative");
        }
    }

    /** Durable: every commit is on the disk before it returns. */
    public static TableOptions defaults() {
        return new TableOptions(true, JournalSync.FSYNC, DEFAULT_COMPACTION_THRESHOLD, DEFAULT_STREAM_RETENTION,
                Clock.systemUTC());
    }

    public TableOptions withSyncOnCommit(boolean sync) {
        return new TableOptions(sync, journalSync, compactionThresholdBytes, streamRetention, clock);
    }

    /** Forces with {@code sync} (and forces at all). */
    public TableOptions withJournalSync(JournalSync sync) {
        return new TableOptions(true, sync, compactionThresholdBytes, streamRetention, clock);
    }

    public TableOptions withCompactionThresholdBytes(long bytes) {
        return new TableOptions(syncOnCommit, journalSync, bytes, streamRetention, clock);
    }

    public TableOptions withStreamRetention(Duration retention) {
        return new TableOptions(syncOnCommit, journalSync, compactionThresholdBytes, retention, clock);
    }

    public TableOptions withClock(Clock newClock) {
        return new TableOptions(syncOnCommit, journalSync, compactionThresholdBytes, streamRetention, newClock);
    }
}
