package com.medicarewizard.adapter.embedded.table;

import com.medicarewizard.table.Item;
import com.medicarewizard.table.Condition;
import com.medicarewizard.table.SortRange;
import com.medicarewizard.table.Utf8Order;

import static com.medicarewizard.adapter.embedded.table.Tables.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryTest {

    @TempDir
    Path directory;
    private EmbeddedTable table;

    @BeforeEach
    void open() {
        table = Tables.open(directory);
        for (String sk : List.of("SLOT#2025-01-02", "SLOT#2025-01-01", "REQ#b", "REQ#a", "SLOT#2025-01-03", "SLOTS")) {
            table.put(item("site", sk), Condition.absent());
        }
        table.put(item("other", "SLOT#2025-01-01"), Condition.absent());
    }

    @AfterEach
    void close() throws Exception {
        table.close();
    }

    @Test
    void returnsTheWholePartitionInSortKeyOrder() {
        assertThat(sortKeys(table.query("site", SortRange.all(), 100, true))).containsExactly(
                "REQ#a", "REQ#b", "SLOT#2025-01-01", "SLOT#2025-01-02", "SLOT#2025-01-03", "SLOTS");
        assertThat(sortKeys(table.query("site", SortRange.all(), 100, false))).containsExactly(
                "SLOTS", "SLOT#2025-01-03", "SLOT#2025-01-02", "SLOT#2025-01-01", "REQ#b", "REQ#a");
    }

    @Test
    void betweenIncludesBothBounds() {
        assertThat(sortKeys(table.query("site", SortRange.between("SLOT#2025-01-01", "SLOT#2025-01-02"), 100, true)))
                .containsExactly("SLOT#2025-01-01", "SLOT#2025-01-02");
        assertThat(sortKeys(table.query("site", SortRange.between("SLOT#2025-01-01x", "SLOT#2025-01-09"), 100,
                false))).containsExactly("SLOT#2025-01-03", "SLOT#2025-01-02");
        assertThatThrownBy(() -> SortRange.between("b", "a")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sortKeysAloneAreThoseOfTheQueryForEveryKindOfRangeAndCharacter() {
        // ASCII and non-ASCII keys, with characters above U+FFFF (surrogates in UTF-16) and in U+E000..U+FFFF,
        // where UTF-16 order and UTF-8 order differ
        List<String> tails = List.of("a", "b", "é", "\uE000", "\uFFFF", "\uD83D\uDE00", "\uD800\uDC00", "z9", "~");
        for (String tail : tails) {
            table.put(item("mixed", "K#" + tail), Condition.absent());
            table.put(item("mixed", "K" + tail), Condition.absent());
        }
        List<String> bounds = new java.util.ArrayList<>(List.of("K", "K#", "K#a", "K#z", "K#\uE000", "K#\uD83D\uDE00",
                "K\uFFFF", "L"));
        for (String from : bounds) {
            for (String to : bounds) {
                if (Utf8Order.compare(from, to) > 0) {
                    continue;
                }
                SortRange range = SortRange.between(from, to);
                assertThat(table.querySortKeys("mixed", range)).as("%s..%s", from, to)
                        .containsExactlyElementsOf(sortKeys(table.query("mixed", range, 1_000, true)));
            }
        }
        assertThat(table.querySortKeys("mixed", SortRange.beginsWith("K#")))
                .containsExactlyElementsOf(sortKeys(table.query("mixed", SortRange.beginsWith("K#"), 1_000, true)));
        assertThat(table.querySortKeys("absent", SortRange.all())).isEmpty();
    }

    @Test
    void beginsWithSelectsThePrefixInBothDirections() {
        assertThat(sortKeys(table.query("site", SortRange.beginsWith("SLOT#"), 100, true)))
                .containsExactly("SLOT#2025-01-01", "SLOT#2025-01-02", "SLOT#2025-01-03");
        assertThat(sortKeys(table.query("site", SortRange.beginsWith("SLOT#"), 100, false)))
                .containsExactly("SLOT#2025-01-03", "SLOT#2025-01-02", "SLOT#2025-01-01");
        assertThat(sortKeys(table.query("site", SortRange.beginsWith("REQ"), 100, true)))
                .containsExactly("REQ#a", "REQ#b");
        assertThat(table.query("site", SortRange.beginsWith("X"), 100, true)).isEmpty();
    }

    @Test
    void limitStopsAfterThatManyItemsFromTheStartingEnd() {
        assertThat(sortKeys(table.query("site", SortRange.beginsWith("SLOT#"), 2, true)))
                .containsExactly("SLOT#2025-01-01", "SLOT#2025-01-02");
        assertThat(sortKeys(table.query("site", SortRange.beginsWith("SLOT#"), 1, false)))
                .containsExactly("SLOT#2025-01-03");
        assertThatThrownBy(() -> table.query("site", SortRange.all(), 0, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownPartitionIsEmpty() {
        assertThat(table.query("nowhere", SortRange.all(), 10, true)).isEmpty();
    }

    @Test
    void ordersByUtf8BytesAsDynamoDbDoes() {
        String bmpHigh = "\uFF21";
        String supplementary = new String(Character.toChars(0x1F600));
        table.put(item("utf", supplementary), Condition.absent());
        table.put(item("utf", bmpHigh), Condition.absent());
        table.put(item("utf", "z"), Condition.absent());

        assertThat(sortKeys(table.query("utf", SortRange.all(), 10, true)))
                .containsExactly("z", bmpHigh, supplementary);
        assertThat(sortKeys(table.query("utf", SortRange.beginsWith(bmpHigh), 10, true))).containsExactly(bmpHigh);
    }

    private static List<String> sortKeys(List<Item> items) {
        return items.stream().map(item -> item.key().sk()).toList();
    }
}
