package com.medicarewizard.adapter.embedded.table;

import com.medicarewizard.table.Update;
import com.medicarewizard.table.Item;
import com.medicarewizard.table.Key;
import com.medicarewizard.table.Condition;
import com.medicarewizard.table.SortRange;

import static com.medicarewizard.adapter.embedded.table.Tables.BY_OWNER;
import static com.medicarewizard.adapter.embedded.table.Tables.item;
import static com.medicarewizard.adapter.embedded.table.Tables.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecondaryIndexTest {

    @TempDir
    Path directory;
    private EmbeddedTable table;

    @BeforeEach
    void open() {
        table = Tables.open(directory);
    }

    @AfterEach
    void close() throws Exception {
        table.close();
    }

    @Test
    void indexesInsertedItemsBySortAttributeThenByKey() {
        table.put(owned("r", "3", "ann", "10:00"), Condition.absent());
        table.put(owned("r", "2", "ann", "09:00"), Condition.absent());
        table.put(owned("q", "1", "ann", "09:00"), Condition.absent());
        table.put(owned("r", "4", "bob", "08:00"), Condition.absent());

        assertThat(keys(table.queryIndex(BY_OWNER, "ann", SortRange.all(), 10, true)))
                .containsExactly(key("q", "1"), key("r", "2"), key("r", "3"));
        assertThat(keys(table.queryIndex(BY_OWNER, "ann", SortRange.all(), 10, false)))
                .containsExactly(key("r", "3"), key("r", "2"), key("q", "1"));
        assertThat(keys(table.queryIndex(BY_OWNER, "ann", SortRange.between("09:00", "09:00"), 10, true)))
                .containsExactly(key("q", "1"), key("r", "2"));
        assertThat(keys(table.queryIndex(BY_OWNER, "ann", SortRange.beginsWith("10"), 10, true)))
                .containsExactly(key("r", "3"));
        assertThat(keys(table.queryIndex(BY_OWNER, "ann", SortRange.all(), 1, false))).containsExactly(key("r", "3"));
    }

    @Test
    void modifyingTheSortAttributeMovesTheEntry() {
        table.put(owned("r", "1", "ann", "09:00"), Condition.absent());
        table.put(owned("r", "2", "ann", "10:00"), Condition.absent());

        table.update(key("r", "1"), Update.set("when", "11:00"), Condition.present());

        assertThat(keys(table.queryIndex(BY_OWNER, "ann", SortRange.all(), 10, true)))
                .containsExactly(key("r", "2"), key("r", "1"));
        assertThat(table.queryIndex(BY_OWNER, "ann", SortRange.between("09:00", "09:59"), 10, true)).isEmpty();
        assertThat(table.queryIndex(BY_OWNER, "ann", SortRange.all(), 10, true).get(1).string("when"))
                .isEqualTo("11:00");
    }

    @Test
    void modifyingThePartitionAttributeMovesTheEntryToAnotherPartition() {
        table.put(owned("r", "1", "ann", "09:00"), Condition.absent());
        table.put(owned("r", "1", "bob", "09:00"), Condition.always());

        assertThat(table.queryIndex(BY_OWNER, "ann", SortRange.all(), 10, true)).isEmpty();
        assertThat(keys(table.queryIndex(BY_OWNER, "bob", SortRange.all(), 10, true))).containsExactly(key("r", "1"));
    }

    @Test
    void removesEntriesOfDeletedItems() {
        table.put(owned("r", "1", "ann", "09:00"), Condition.absent());
        table.delete(key("r", "1"), Condition.present());
        assertThat(table.queryIndex(BY_OWNER, "ann", SortRange.all(), 10, true)).isEmpty();
    }

    @Test
    void isSparse() {
        table.put(item("r", "1").with("owner", "ann"), Condition.absent());
        table.put(item("r", "2").with("when", "09:00"), Condition.absent());
        table.put(owned("r", "3", "ann", "09:00"), Condition.absent());
        assertThat(keys(table.queryIndex(BY_OWNER, "ann", SortRange.all(), 10, true))).containsExactly(key("r", "3"));

        table.update(key("r", "3"), Update.remove("when"), Condition.present());
        assertThat(table.queryIndex(BY_OWNER, "ann", SortRange.all(), 10, true)).isEmpty();
    }

    @Test
    void rejectsUnknownIndex() {
        assertThatThrownBy(() -> table.queryIndex("nope", "ann", SortRange.all(), 10, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static Item owned(String pk, String sk, String owner, String when) {
        return item(pk, sk).with("owner", owner).with("when", when);
    }

    private static List<Key> keys(List<Item> items) {
        return items.stream().map(Item::key).toList();
    }
}
