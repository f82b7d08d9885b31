package com.medicarewizard.adapter.embedded;

import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.table.IndexDefinition;
import com.medicarewizard.adapter.embedded.table.TableOptions;
import com.medicarewizard.table.layout.ItemLayout;
import com.medicarewizard.table.layout.TableIndex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Opens the one table every embedded adapter shares, with the indexes of
 * {@link com.medicarewizard.table.layout.ItemLayout} (the layout the DynamoDB table uses too).
 */
public final class EmbeddedTables {

    public static final List<IndexDefinition> INDEXES = TableIndex.ALL;
    /** The attribute DynamoDB's time to live is set on (epoch seconds). */
    public static final String TIME_TO_LIVE_ATTRIBUTE = ItemLayout.EXPIRES_AT;

    private EmbeddedTables() {
    }

    public static EmbeddedTable open(Path directory) {
        return open(directory, TableOptions.defaults());
    }

    public static EmbeddedTable open(Path directory, TableOptions options) {
        try {
            return EmbeddedTable.open(directory, INDEXES, options);
        } catch (IOException e) {
            throw new UncheckedIOException("could not open the table in " + directory, e);
        }
    }
}
