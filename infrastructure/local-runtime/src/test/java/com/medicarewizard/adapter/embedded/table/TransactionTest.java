package com.medicarewizard.adapter.embedded.table;

import com.medicarewizard.table.Update;
import com.medicarewizard.table.Item;
import com.medicarewizard.table.Condition;
import com.medicarewizard.table.Write;
import com.medicarewizard.table.TransactionCanceledException;
import com.medicarewizard.table.CancellationReason;

import static com.medicarewizard.adapter.embedded.table.Tables.item;
import static com.medicarewizard.adapter.embedded.table.Tables.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionTest {

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
    void writesEveryItemWhenAllConditionsHold() {
        table.put(item("slot", "1").with("owner", "ann").with("when", "09:00"), Condition.absent());
        table.put(item("old", "1"), Condition.absent());

        table.transact(List.of(
                Write.put(item("req", "1").with("state", "CONFIRMED"), Condition.absent()),
                Write.update(key("slot", "1"), Update.set("when", "10:00"), Condition.equals("owner", "ann")),
                Write.delete(key("old", "1"), Condition.present()),
                Write.check(key("site", "1"), Condition.absent())));

        assertThat(table.get(key("req", "1"))).isPresent();
        assertThat(table.get(key("slot", "1")).orElseThrow().string("when")).isEqualTo("10:00");
        assertThat(table.get(key("old", "1"))).isEmpty();
        assertThat(table.get(key("site", "1"))).isEmpty();
    }

    @Test
    void writesNothingAndGivesAReasonPerWriteWhenAConditionFails() {
        Item taken = item("slot", "1").with("owner", "bob");
        table.put(taken, Condition.absent());
        long latest = table.stream().latestSequence();

        assertThatThrownBy(() -> table.transact(List.of(
                Write.put(item("req", "1"), Condition.absent()),
                Write.put(item("slot", "1").with("owner", "ann"), Condition.absent()),
                Write.check(key("site", "1"), Condition.present()))))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
                    assertThat(e.reasons()).extracting(CancellationReason::code).containsExactly(
                            "None", "ConditionalCheckFailed", "ConditionalCheckFailed");
                    assertThat(e.reasons().get(1).current()).contains(taken);
                    assertThat(e.reasons().get(2).current()).isEmpty();
                    assertThat(e.reasons().get(0).conditionFailed()).isFalse();
                });

        assertThat(table.get(key("req", "1"))).isEmpty();
        assertThat(table.get(key("slot", "1"))).contains(taken);
        assertThat(table.stream().latestSequence()).isEqualTo(latest);
    }

    @Test
    void writesNothingWhenAnImageIsInvalid() {
        assertThatThrownBy(() -> table.transact(List.of(
                Write.put(item("a", "1"), Condition.absent()),
                Write.put(item("b", "1").with("owner", 1L).with("when", "x"), Condition.absent()))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(table.size()).isZero();
    }

    @Test
    void producesOneStreamRecordPerChangedItemWithConsecutiveSequenceNumbers() {
        table.transact(List.of(
                Write.put(item("a", "1"), Condition.absent()),
                Write.put(item("b", "1"), Condition.absent()),
                Write.check(key("c", "1"), Condition.absent())));

        List<StreamRecord> records = table.stream().read(0, 10);
        assertThat(records).extracting(StreamRecord::keys).containsExactly(key("a", "1"), key("b", "1"));
        assertThat(records).extracting(StreamRecord::sequenceNumber).containsExactly(1L, 2L);
        assertThat(records.get(0).approximateCreationTime()).isEqualTo(records.get(1).approximateCreationTime());
    }

    @Test
    void rejectsTwoWritesOnOneItemAndMoreThanAHundredWrites() {
        assertThatThrownBy(() -> table.transact(List.of(
                Write.put(item("a", "1"), Condition.always()),
                Write.delete(key("a", "1"), Condition.always()))))
                .isInstanceOf(IllegalArgumentException.class);
        List<Write> tooMany = IntStream.range(0, 101)
                .mapToObj(i -> Write.put(item("a", "" + i), Condition.always())).toList();
        assertThatThrownBy(() -> table.transact(tooMany)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> table.transact(List.of())).isInstanceOf(IllegalArgumentException.class);

        table.transact(tooMany.subList(0, 100));
        assertThat(table.size()).isEqualTo(100);
    }
}
