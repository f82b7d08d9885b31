package com.medicarewizard.adapter.embedded.table;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A journal line that is complete but cannot be trusted (checksum, JSON or shape): the table does
 * not open, since replaying past it would lose or invent commits. {@link JournalRepair} keeps the
 * good lines before it and moves the rest aside.
 */
public final class CorruptJournalException extends IOException {

    CorruptJournalException(Path file, JournalScan.Damage damage) {
        super("journal " + file + " is damaged at line " + damage.lineNumber() + " (byte " + damage.offset() + "): "
                + damage.problem() + ". The table does not start on a damaged journal. To keep the lines before it "
                + "and move the rest aside, stop the runtime and run: java -cp medicarewizard-local.jar "
                + JournalRepair.class.getName() + " <data-dir> (see docs/operations.md, \"A damaged journal\")");
    }
}
