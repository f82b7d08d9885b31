package com.medicarewizard.adapter.embedded.table;

import com.medicarewizard.adapter.embedded.PrivateFiles;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;

/**
 * Repairs a journal that refuses the start ({@link CorruptJournalException}): keeps the good lines
 * before the first damaged one and moves the damaged line and everything after it aside, to
 * {@code journal.jsonl.damaged-<epoch millis>} next to the journal, for inspection. The commits in
 * the moved part are lost to the table; the runtime then starts on the good prefix (requests
 * decided there may be decided again by the sweeper). Refuses to run while the table is open.
 *
 * <pre>java -cp medicarewizard-local.jar com.medicarewizard.adapter.embedded.table.JournalRepair &lt;data-dir&gt;</pre>
 */
public final class JournalRepair {

    private JournalRepair() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: java -cp medicarewizard-local.jar " + JournalRepair.class.getName() + " <data-dir>");
            System.exit(2);
        }
        try {
            System.exit(repair(tableDirectory(Path.of(args[0])), Clock.systemUTC(), System.out));
        } catch (IOException | RuntimeException e) {
            System.err.println("journal repair failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /** The table's directory: {@code <data-dir>/table}, or the directory itself when it holds the journal. */
    static Path tableDirectory(Path given) {
        return Files.exists(given.resolve(Journal.FILE)) ? given : given.resolve("table");
    }

    /** Repairs the journal in {@code directory}; 0 when repaired or sound, 1 when there is no journal. */
    static int repair(Path directory, Clock clock, PrintStream out) throws IOException {
        Path journal = directory.resolve(Journal.FILE);
        if (!Files.exists(journal)) {
            out.println("no journal at " + journal);
            return 1;
        }
        try (FileChannel lock = PrivateFiles.open(directory.resolve(EmbeddedTable.LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = tryLock(lock)) {
            if (held == null) {
                throw new IOException("the table in " + directory + " is open: stop the runtime first");
            }
            JournalScan scan = JournalScan.of(journal, new JournalCodec(), entry -> { });
            if (scan.damage().isEmpty()) {
                out.println("journal " + journal + " is sound (" + scan.goodEnd() + " bytes of complete lines"
                        + (scan.tornTail() > 0 ? ", a torn last line the next start drops" : "") + ")");
                return 0;
            }
            JournalScan.Damage damage = scan.damage().get();
            Path aside = journal.resolveSibling(Journal.FILE + ".damaged-" + clock.millis());
            moveAside(journal, damage.offset(), aside);
            out.println("journal " + journal + ": line " + damage.lineNumber() + " was damaged (" + damage.problem()
                    + "); kept the " + (damage.lineNumber() - 1) + " lines before it (" + damage.offset()
                    + " bytes), moved the rest (" + (scan.length() - damage.offset()) + " bytes) to " + aside);
            return 0;
        }
    }

    private static FileLock tryLock(FileChannel lock) throws IOException {
        try {
            return lock.tryLock();
        } catch (OverlappingFileLockException heldByThisProcess) {
            return null;
        }
    }

    private static void moveAside(Path journal, long from, Path aside) throws IOException {
        try (FileChannel source = FileChannel.open(journal, StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileChannel target = PrivateFiles.open(aside, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            Journal.copy(source, from, source.size(), target);
            target.force(true);
            source.truncate(from);
            source.force(true);
        }
        Snapshot.forceDirectory(journal.getParent());
    }
}
