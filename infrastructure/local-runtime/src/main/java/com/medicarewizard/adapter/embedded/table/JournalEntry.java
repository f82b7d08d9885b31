package com.medicarewizard.adapter.embedded.table;

import com.medicarewizard.table.Item;

import java.util.List;
import java.util.Map;

/** One line of the journal or of a snapshot, decoded. */
sealed interface JournalEntry {

    /** A committed write or transaction: its stream records, one per changed item. */
    record Commit(List<StreamRecord> records) implements JournalEntry {
    }

    record Checkpoint(String consumer, long sequence) implements JournalEntry {
    }

    record SnapshotHeader(long latestSequence, Map<String, Long> checkpoints) implements JournalEntry {
    }

    record SnapshotItem(Item item) implements JournalEntry {
    }

    record SnapshotRecord(StreamRecord record) implements JournalEntry {
    }

    record SnapshotEnd(long items, long records) implements JournalEntry {
    }
}
