package com.medicarewizard.adapter.embedded;

import static com.medicarewizard.adapter.layout.ItemLayout.BY_DECISION;
import static com.medicarewizard.adapter.layout.ItemLayout.BY_PATIENT;
import static com.medicarewizard.adapter.layout.ItemLayout.DECIDED;
import static com.medicarewizard.adapter.layout.ItemLayout.DECIDED_AT;
import static com.medicarewizard.adapter.layout.ItemLayout.PATIENT_ID;
import static com.medicarewizard.adapter.layout.ItemLayout.PENDING;
import static com.medicarewizard.adapter.layout.ItemLayout.PENDING_INDEX;
import static com.medicarewizard.adapter.layout.ItemLayout.REQUESTED_AT;
import static com.medicarewizard.adapter.layout.ItemLayout.START;

import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.adapter.embedded.table.IndexDefinition;
import com.medicarewizard.adapter.embedded.table.TableOptions;
import com.medicarewizard.adapter.layout.ItemLayout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Opens the one table every embedded adapter shares, with the indexes of
 * {@link com.medicarewizard.adapter.layout.ItemLayout} (the layout the DynamoDB table uses too).
 */
public final class EmbeddedTables {

    public static final List<IndexDefinition> INDEXES = List.of(
            new IndexDefinition(BY_PATIENT, PATIENT_ID, START),
            new IndexDefinition(PENDING_INDEX, PENDING, REQUESTED_AT),
            new IndexDefinition(BY_DECISION, DECIDED, DECIDED_AT),
            new IndexDefinition(ItemLayout.PARKED_INDEX, ItemLayout.PARKED, ItemLayout.PARKED_AT),
            new IndexDefinition(ItemLayout.DUE_INDEX, ItemLayout.DUE, ItemLayout.NEXT_ATTEMPT_AT));

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
