package com.medicarewizard.adapter.embedded.table;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link EmbeddedTable} keeps its data. {@code syncOnCommit} forces every commit to the
 * disk (survives power loss; without it a commit survives a killed process, as it is handed to
 * the OS before the call returns). The journal is compacted on open once larger than
 * {@code compactionThresholdBytes}. Stream records older than {@code streamRetention} may then
 * be dropped. The clock stamps stream records.
 */
public record TableOptions(boolean syncOnCommit, long compactionThresholdBytes, Duration streamRetention,
                           Clock clock) {

    public static final long DEFAULT_COMPACTION_THRESHOLD = 64L * 1024 * 1024;
    public static final Duration DEFAULT_STREAM_RETENTION = Duration.ofHours(24);

    public TableOptions {
        Objects.requireNonNull(streamRetention, "streamRetention");
        Objects.requireNonNull(clock, "clock");
        if (compactionThresholdBytes < 0) {
            throw new IllegalArgumentException("compactionThresholdBytes must not be negative");
        }
    }

    public static TableOptions defaults() {
        return new TableOptions(false, DEFAULT_COMPACTION_THRESHOLD, DEFAULT_STREAM_RETENTION, Clock.systemUTC());
    }

    public TableOptions withSyncOnCommit(boolean sync) {
        return new TableOptions(sync, compactionThresholdBytes, streamRetention, clock);
    }

    public TableOptions withCompactionThresholdBytes(long bytes) {
        return new TableOptions(syncOnCommit, bytes, streamRetention, clock);
    }

    public TableOptions withStreamRetention(Duration retention) {
        return new TableOptions(syncOnCommit, compactionThresholdBytes, retention, clock);
    }

    public TableOptions withClock(Clock newClock) {
        return new TableOptions(syncOnCommit, compactionThresholdBytes, streamRetention, newClock);
    }
}
