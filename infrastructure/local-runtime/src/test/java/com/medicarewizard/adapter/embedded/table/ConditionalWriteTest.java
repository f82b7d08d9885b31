package com.medicarewizard.adapter.embedded.table;

import com.medicarewizard.table.Update;
import com.medicarewizard.table.Item;
import com.medicarewizard.table.Condition;
import com.medicarewizard.table.SortRange;
import com.medicarewizard.table.ConditionFailedException;

import static com.medicarewizard.adapter.embedded.table.Tables.item;
import static com.medicarewizard.adapter.embedded.table.Tables.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConditionalWriteTest {

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
    void putReturnsTheOldItem() {
        assertThat(table.put(item("p", "s").with("v", 1L), Condition.always())).isEmpty();
        assertThat(table.put(item("p", "s").with("v", 2L), Condition.always()))
                .contains(item("p", "s").with("v", 1L));
        assertThat(table.get(key("p", "s"))).contains(item("p", "s").with("v", 2L));
    }

    @Test
    void failedConditionCarriesTheCurrentItemAndWritesNothing() {
        Item first = item("p", "s").with("owner", "ann").with("when", "09:00");
        table.put(first, Condition.absent());
        long latest = table.stream().latestSequence();

        assertThatThrownBy(() -> table.put(item("p", "s").with("owner", "bob").with("when", "10:00"),
                Condition.absent()))
                .isInstanceOfSatisfying(ConditionFailedException.class,
                        e -> assertThat(e.current()).contains(first));

        assertThat(table.get(key("p", "s"))).contains(first);
        assertThat(table.queryIndex(Tables.BY_OWNER, "bob", SortRange.all(), 10, true)).isEmpty();
        assertThat(table.stream().latestSequence()).isEqualTo(latest);
        assertThat(table.stream().read(latest, 10)).isEmpty();
    }

    @Test
    void failedConditionOnAbsentItemCarriesNoItem() {
        assertThatThrownBy(() -> table.update(key("p", "s"), Update.set("v", 1L), Condition.present()))
                .isInstanceOfSatisfying(ConditionFailedException.class, e -> assertThat(e.current()).isEmpty());
        assertThatThrownBy(() -> table.delete(key("p", "s"), Condition.equals("v", 1L)))
                .isInstanceOf(ConditionFailedException.class);
        assertThat(table.get(key("p", "s"))).isEmpty();
        assertThat(table.stream().latestSequence()).isZero();
    }

    @Test
    void updateCreatesTheItemFromItsKeyWhenAbsent() {
        Item written = table.update(key("p", "s"), Update.add("count", 1), Condition.absentOr(Condition.equals("count", 0L)));

        assertThat(written).isEqualTo(item("p", "s").with("count", 1L));
        assertThat(table.get(key("p", "s"))).contains(item("p", "s").with("count", 1L));
        assertThat(table.stream().read(0, 10)).singleElement()
                .satisfies(r -> assertThat(r.eventName()).isEqualTo(StreamRecord.INSERT));
    }

    @Test
    void updateChangesTheCurrentItemWhenTheConditionHolds() {
        table.put(item("p", "s").with("count", 1L), Condition.absent());
        table.update(key("p", "s"), Update.add("count", 1), Condition.equals("count", 1L));
        assertThat(table.get(key("p", "s")).orElseThrow().longValue("count")).isEqualTo(2L);
    }

    @Test
    void updateCannotChangeTheKey() {
        assertThatThrownBy(() -> table.update(key("p", "s"), Update.set("sk", "other"), Condition.always()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(table.size()).isZero();
    }

    @Test
    void deleteReturnsTheOldItemAndDeletingNothingStreamsNothing() {
        table.put(item("p", "s"), Condition.always());
        assertThat(table.delete(key("p", "s"), Condition.present())).contains(item("p", "s"));
        assertThat(table.delete(key("p", "s"), Condition.always())).isEmpty();
        assertThat(table.stream().read(0, 10)).extracting(StreamRecord::eventName)
                .containsExactly(StreamRecord.INSERT, StreamRecord.REMOVE);
    }

    @Test
    void rejectsWhatDynamoDbRejects() {
        assertThatThrownBy(() -> table.put(item("p", "s").with("owner", 5L).with("when", "x"), Condition.always()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> table.put(item("p", "s").with("owner", "").with("when", "x"), Condition.always()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> table.put(item("p", "s").with("big", "x".repeat(400 * 1024)), Condition.always()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(table.size()).isZero();
        assertThat(table.stream().latestSequence()).isZero();
    }
}
