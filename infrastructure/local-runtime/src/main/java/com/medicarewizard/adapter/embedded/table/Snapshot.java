package com.medicarewizard.adapter.embedded.table;

import com.medicarewizard.adapter.embedded.PrivateFiles;
import com.medicarewizard.table.Item;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The compacted state: a header (latest sequence, checkpoints), every item, the retained stream
 * records and an end line with counts. Written to a temporary file, forced to the disk and then
 * renamed atomically, so {@code snapshot.jsonl} is always complete; a leftover temporary file
 * is an interrupted compaction and is discarded.
 */
final class Snapshot {

    static final String FILE = "snapshot.jsonl";
    static final String TEMP = "snapshot.jsonl.tmp";

    record Content(long latestSequence, Map<String, Long> checkpoints, List<Item> items,
                   List<StreamRecord> records) {
    }

    private Snapshot() {
    }

    static void write(Path directory, JournalCodec codec, JournalSync sync, long latestSequence,
                      Map<String, Long> checkpoints, Stream<Item> items, Collection<StreamRecord> records)
            throws IOException {
        Path temp = directory.resolve(TEMP);
        long itemCount = 0;
        long recordCount = 0;
        try (FileChannel channel = PrivateFiles.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
             OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
            out.write(codec.snapshotHeader(latestSequence, checkpoints));
            for (Item item : (Iterable<Item>) items::iterator) {
                out.write(codec.snapshotItem(item));
                itemCount++;
            }
            for (StreamRecord record : records) {
                out.write(codec.snapshotRecord(record));
                recordCount++;
            }
            out.write(codec.snapshotEnd(itemCount, recordCount));
            out.flush();
            sync.force(channel);
        }
        Files.move(temp, directory.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory(directory);
    }

    static Optional<Content> read(Path directory, JournalCodec codec) throws IOException {
        Path file = directory.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        List<JournalEntry> entries = new ArrayList<>();
        JournalScan scan = JournalScan.of(file, codec, entries::add);
        if (scan.damage().isPresent() || scan.tornTail() > 0) {
            // renamed into place only once complete and forced: damage here is the disk's, not a crash's
            throw new IOException("snapshot " + file + " is damaged at line "
                    + scan.damage().map(JournalScan.Damage::lineNumber).orElse(entries.size() + 1L)
                    + "; restore it from a backup (the journal holds only what came after it)");
        }
        return Optional.of(content(file, entries));
    }

    private static Content content(Path file, List<JournalEntry> entries) throws IOException {
        if (entries.size() < 2 || !(entries.getFirst() instanceof JournalEntry.SnapshotHeader header)
                || !(entries.getLast() instanceof JournalEntry.SnapshotEnd end)) {
            throw new IOException("snapshot " + file + " is incomplete");
        }
        List<Item> items = new ArrayList<>();
        List<StreamRecord> records = new ArrayList<>();
        for (JournalEntry entry : entries.subList(1, entries.size() - 1)) {
            switch (entry) {
                case JournalEntry.SnapshotItem(Item item) -> items.add(item);
                case JournalEntry.SnapshotRecord(StreamRecord record) -> records.add(record);
                default -> throw new IOException("unexpected line in snapshot " + file + ": " + entry);
            }
        }
        if (items.size() != end.items() || records.size() != end.records()) {
            throw new IOException("snapshot " + file + " does not hold the counts it declares");
        }
        return new Content(header.latestSequence(), header.checkpoints(), items, records);
    }

    static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Not every platform can force a directory; the rename is atomic regardless.
        }
    }
}
