package com.medicarewizard.adapter.embedded.table;

import com.medicarewizard.table.Update;
import com.medicarewizard.table.Item;
import com.medicarewizard.table.Condition;

import com.medicarewizard.domain.MutableClock;
import static com.medicarewizard.adapter.embedded.table.Tables.item;
import static com.medicarewizard.adapter.embedded.table.Tables.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeStreamTest {

    private static final Instant NOW = Instant.parse("2025-03-01T08:00:00.123Z");

    @TempDir
    Path directory;
    private EmbeddedTable table;

    @BeforeEach
    void open() {
        table = Tables.open(directory, TableOptions.defaults().withClock(new MutableClock(NOW)));
    }

    @AfterEach
    void close() throws Exception {
        table.close();
    }

    @Test
    void recordsEachChangeWithEventNameAndBothImages() {
        Item v1 = item("p", "s").with("v", 1L);
        Item v2 = item("p", "s").with("v", 2L);
        table.put(v1, Condition.absent());
        table.update(key("p", "s"), Update.set("v", 2L), Condition.present());
        table.delete(key("p", "s"), Condition.present());

        assertThat(table.stream().read(0, 10)).containsExactly(
                new StreamRecord(1, "INSERT", key("p", "s"), Optional.empty(), Optional.of(v1), NOW),
                new StreamRecord(2, "MODIFY", key("p", "s"), Optional.of(v1), Optional.of(v2), NOW),
                new StreamRecord(3, "REMOVE", key("p", "s"), Optional.of(v2), Optional.empty(), NOW));
        assertThat(table.stream().latestSequence()).isEqualTo(3);
    }

    /**
     * DynamoDB: "If you perform a PutItem or UpdateItem operation that does not change any data in
     * an item, DynamoDB Streams does not write a stream record for that operation."
     */
    @Test
    void writeThatChangesNoDataProducesNoRecord() {
        Item v1 = item("p", "s").with("v", 1L);
        table.put(v1, Condition.absent());
        assertThat(table.put(v1, Condition.present())).contains(v1);
        table.update(key("p", "s"), Update.set("v", 1L), Condition.present());
        assertThat(table.stream().read(0, 10)).extracting(StreamRecord::eventName).containsExactly("INSERT");
    }

    @Test
    void sequenceNumbersIncreaseStrictlyAcrossItems() {
        for (int i = 0; i < 50; i++) {
            table.put(item("p" + i % 7, "s" + i % 3).with("i", (long) i), Condition.always());
        }
        List<Long> sequences = table.stream().read(0, 1000).stream().map(StreamRecord::sequenceNumber).toList();
        assertThat(sequences).hasSize(50).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void readPagesAfterASequenceNumber() {
        for (int i = 0; i < 10; i++) {
            table.put(item("p", "s" + i), Condition.absent());
        }
        assertThat(table.stream().read(0, 4)).extracting(StreamRecord::sequenceNumber).containsExactly(1L, 2L, 3L, 4L);
        assertThat(table.stream().read(4, 4)).extracting(StreamRecord::sequenceNumber).containsExactly(5L, 6L, 7L, 8L);
        assertThat(table.stream().read(8, 4)).extracting(StreamRecord::sequenceNumber).containsExactly(9L, 10L);
        assertThat(table.stream().read(10, 4)).isEmpty();
        assertThat(table.stream().oldestRetainedSequence()).hasValue(1);
        assertThatThrownBy(() -> table.stream().read(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void checkpointsAreKeptPerConsumer() {
        table.put(item("p", "s"), Condition.absent());
        assertThat(table.stream().checkpoint("notifier")).isZero();
        table.stream().checkpoint("notifier", 1);
        assertThat(table.stream().checkpoint("notifier")).isEqualTo(1);
        assertThat(table.stream().checkpoint("other")).isZero();
        assertThatThrownBy(() -> table.stream().checkpoint("notifier", 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void trimmingNeverDropsARecordWhoseForceIsUnderWay() {
        ChangeStream stream = new ChangeStream((consumer, sequence) -> { });
        stream.append(List.of(StreamRecord.of(1, Optional.empty(), Optional.of(item("p", "1")), NOW, false),
                StreamRecord.of(2, Optional.empty(), Optional.of(item("p", "2")), NOW, false)));
        stream.publish(1);

        // no consumer and no retention: everything readable may go, the record not yet durable may not
        assertThat(stream.trim(NOW.plusSeconds(60), Duration.ZERO, Set.of())).isEqualTo(1);
        assertThat(stream.retained()).extracting(StreamRecord::sequenceNumber).containsExactly(2L);
        stream.publish(2);
        assertThat(stream.read(1, 10)).extracting(StreamRecord::sequenceNumber).containsExactly(2L);
    }
}
