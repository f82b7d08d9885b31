package com.medicarewizard.adapter.embedded.table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Rebuilds items, indexes, stream and checkpoints from the snapshot (if any) and the journal.
 * Survives a crash at any point of a compaction: a leftover temporary snapshot is discarded;
 * a journal still holding commits that the snapshot already contains (crash after the rename,
 * before the journal kept only its lines after the snapshot) has them skipped by sequence number;
 * checkpoint lines replay in order, so each consumer ends on its latest.
 */
final class Recovery {

    private static final Logger LOG = LogManager.getLogger(Recovery.class);

    private final Path directory;
    private final JournalCodec codec;
    private final ItemStore store;
    private final ChangeStream stream;
    private long latest;

    Recovery(Path directory, JournalCodec codec, ItemStore store, ChangeStream stream) {
        this.directory = directory;
        this.codec = codec;
        this.store = store;
        this.stream = stream;
    }

    void run(Path journalFile) throws IOException {
        if (Files.deleteIfExists(directory.resolve(Snapshot.TEMP))) {
            LOG.warn("Discarded the snapshot of an interrupted compaction in {}", directory);
        }
        long snapshotSequence = Snapshot.read(directory, codec).map(content -> {
            content.items().forEach(store::store);
            stream.append(content.records());
            content.checkpoints().forEach(stream::restoreCheckpoint);
            return content.latestSequence();
        }).orElse(0L);
        latest = snapshotSequence;
        Journal.replay(journalFile, codec, entry -> {
            switch (entry) {
                case JournalEntry.Commit(List<StreamRecord> records) -> replay(records, snapshotSequence);
                case JournalEntry.Checkpoint(String consumer, long sequence) ->
                        stream.restoreCheckpoint(consumer, sequence);
                default -> throw new IOException("unexpected journal line " + entry);
            }
        });
        stream.publish(latest);
    }

    private void replay(List<StreamRecord> records, long snapshotSequence) throws IOException {
        long first = records.getFirst().sequenceNumber();
        if (first <= snapshotSequence) {
            return;
        }
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).sequenceNumber() != latest + 1 + i) {
                throw new IOException("journal sequence gap: expected " + (latest + 1 + i) + " in " + directory);
            }
        }
        store.apply(records);
        stream.append(records);
        latest = records.getLast().sequenceNumber();
    }
}
