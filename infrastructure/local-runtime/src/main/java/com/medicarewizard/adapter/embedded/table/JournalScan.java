package com.medicarewizard.adapter.embedded.table;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * One pass over a journal file, line by line, each line checked (checksum, JSON, shape) and the
 * good ones handed on in order. It stops at the first complete line that does not check out;
 * bytes after the last newline are a torn append (a crash while writing the last line), which
 * never counted. Lines without a checksum (journals written before checksums) are accepted only
 * before the first line with one.
 *
 * @param goodEnd  the byte offset where the good prefix ends
 * @param length   the file's length
 * @param damage   the first complete line that does not check out, if any
 */
record JournalScan(long goodEnd, long length, Optional<Damage> damage) {

    /** A complete line that cannot be trusted: where it starts and what is wrong with it. */
    record Damage(long lineNumber, long offset, String problem) {
    }

    /** Receives each good line's entry in order. */
    interface EntryHandler {
        void accept(JournalEntry entry) throws IOException;
    }

    /** Bytes after the good prefix that are a torn final line, not damage. */
    long tornTail() {
        return damage.isPresent() ? 0 : length - goodEnd;
    }

    static JournalScan of(Path file, JournalCodec codec, EntryHandler handler) throws IOException {
        if (!Files.exists(file)) {
            return new JournalScan(0, 0, Optional.empty());
        }
        long offset = 0;
        long lineNumber = 0;
        boolean checksummed = false;
        byte[] line = new byte[8192];
        int length = 0;
        byte[] chunk = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(chunk)) > 0) {
                for (int i = 0; i < read; i++) {
                    if (chunk[i] != '\n') {
                        if (length == line.length) {
                            line = Arrays.copyOf(line, line.length * 2);
                        }
                        line[length++] = chunk[i];
                        continue;
                    }
                    lineNumber++;
                    long lineStart = offset;
                    offset += length + 1;
                    boolean withChecksum = JournalCodec.hasChecksum(line, length);
                    if (checksummed && !withChecksum) {
                        return damaged(file, lineStart, lineNumber, "no checksum after lines with one");
                    }
                    checksummed |= withChecksum;
                    JournalEntry entry;
                    try {
                        entry = codec.parse(line, length);
                    } catch (IOException e) {
                        return damaged(file, lineStart, lineNumber, e.getMessage());
                    }
                    length = 0;
                    handler.accept(entry);
                }
            }
        }
        return new JournalScan(offset, offset + length, Optional.empty());
    }

    private static JournalScan damaged(Path file, long offset, long lineNumber, String problem) throws IOException {
        return new JournalScan(offset, Files.size(file), Optional.of(new Damage(lineNumber, offset, problem)));
    }
}
