package com.medicarewizard.adapter.embedded.table;

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

    static void write(Path directory, JournalCodec codec, long latestSequence, Map<String, Long> checkpoints,
                      Stream<Item> items, Collection<StreamRecord> records) throws IOException {
        Path temp = directory.resolve(TEMP);
        long itemCount = 0;
        long recordCount = 0;
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
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
            channel.force(true);
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
        try (Stream<String> lines = Files.lines(file)) {
            for (String line : (Iterable<String>) lines::iterator) {
                byte[] bytes = line.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                entries.add(codec.parse(bytes, bytes.length));
            }
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
