package com.medicarewizard.adapter.embedded.table;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * How the journal is forced to the disk before a commit returns. {@link #FSYNC} in production;
 * tests wrap it to observe or hold back a force.
 */
@FunctionalInterface
public interface JournalSync {

    /** {@code fdatasync}: the file's content (and its size), not its other metadata. */
    JournalSync FSYNC = channel -> channel.force(false);

    void force(FileChannel channel) throws IOException;
}
