package com.medicarewizard.adapter.embedded.table;

import com.medicarewizard.table.Item;
import com.medicarewizard.table.Key;
import com.medicarewizard.table.IndexDefinition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** Opens tables for tests, with one index: {@code byOwner} on (owner, when). */
final class Tables {

    static final String BY_OWNER = "byOwner";
    static final List<IndexDefinition> INDEXES = List.of(new IndexDefinition(BY_OWNER, "owner", "when"));

    private Tables() {
    }

    static EmbeddedTable open(Path directory) {
        return open(directory, TableOptions.defaults());
    }

    static EmbeddedTable open(Path directory, TableOptions options) {
        try {
            return EmbeddedTable.open(directory, INDEXES, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Item item(String pk, String sk) {
        return Item.of(new Key(pk, sk));
    }

    static Key key(String pk, String sk) {
        return new Key(pk, sk);
    }
}
