package com.medicarewizard.adapter.embedded.table;

import com.medicarewizard.domain.MutableClock;
import com.medicarewizard.table.Condition;
import com.medicarewizard.table.Update;

import static com.medicarewizard.adapter.embedded.table.Tables.item;
import static com.medicarewizard.adapter.embedded.table.Tables.key;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Items whose time to live has passed are deleted as DynamoDB's TTL deletes them. */
class TimeToLiveTest {

    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");
    private static final String TTL = "expiresAt";

    @TempDir
    Path directory;
    private final MutableClock clock = new MutableClock(NOW);

    @Test
    void deletesOnlyItemsWhoseTimeToLiveHasPassedAndStreamsThemAsTheServicesRemovals() throws Exception {
        long now = NOW.getEpochSecond();
        try (EmbeddedTable table = Tables.open(directory, TableOptions.defaults().withClock(clock))) {
            table.put(item("token", "expired").with(TTL, now - 1), Condition.absent());
            table.put(item("token", "valid").with(TTL, now + 60), Condition.absent());
            table.put(item("token", "text").with(TTL, Long.toString(now - 1)), Condition.absent());
            table.put(item("token", "ancient").with(TTL, now - Duration.ofDays(6 * 365).toSeconds()), Condition.absent());
            table.put(item("reservation", "kept"), Condition.absent());

            assertThat(table.deleteExpired(TTL)).isEqualTo(1);

            assertThat(table.get(key("token", "expired"))).isEmpty();
            assertThat(table.get(key("token", "valid"))).isPresent();
            assertThat(table.get(key("token", "text"))).as("not a number: DynamoDB ignores it").isPresent();
            assertThat(table.get(key("token", "ancient"))).as("over five years ago: DynamoDB ignores it").isPresent();
            assertThat(table.get(key("reservation", "kept"))).isPresent();
            StreamRecord removal = table.stream().read(5, 10).getFirst();
            assertThat(removal.eventName()).isEqualTo(StreamRecord.REMOVE);
            assertThat(removal.keys()).isEqualTo(key("token", "expired"));
            assertThat(removal.byTimeToLive()).isTrue();

            clock.advance(Duration.ofMinutes(2));
            table.update(key("token", "valid"), Update.set(TTL, now + 3600), Condition.present());
            assertThat(table.deleteExpired(TTL)).as("renewed meanwhile").isZero();
        }
        try (EmbeddedTable table = Tables.open(directory)) {
            List<StreamRecord> records = table.stream().read(0, 10);
            assertThat(records.get(5).byTimeToLive()).as("kept in the journal").isTrue();
            assertThat(records.getFirst().byTimeToLive()).isFalse();
            assertThat(table.get(key("token", "expired"))).isEmpty();
        }
    }
}
