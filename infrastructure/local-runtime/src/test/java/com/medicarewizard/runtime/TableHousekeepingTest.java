package com.medicarewizard.runtime;

import com.medicarewizard.adapter.embedded.EmbeddedTables;
import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.runtime.demo.DemoCenter;
import com.medicarewizard.table.Condition;
import com.medicarewizard.table.Item;
import com.medicarewizard.table.Key;
import com.medicarewizard.table.layout.ExpiringRecords;
import com.medicarewizard.table.layout.ItemKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class TableHousekeepingTest {

    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Center center = DemoCenter.create(LocalDate.of(2026, 12, 6));

    @TempDir
    Path directory;

    @Test
    void dropsClaimsOfCellsOverAWeekOldAndKeepsTheRest() {
        ResourceId resource = center.resources().getFirst().id();
        String partition = ItemKeys.claim(resource);
        Key old = new Key(partition, ItemKeys.instant(NOW.minus(Duration.ofDays(8))));
        Key recent = new Key(partition, ItemKeys.instant(NOW.minus(Duration.ofDays(2))));
        Key future = new Key(partition, ItemKeys.instant(NOW.plus(Duration.ofDays(3))));
        try (EmbeddedTable table = EmbeddedTables.open(directory)) {
            for (Key key : new Key[] {old, recent, future}) {
                table.put(Item.of(key).with("owner", "r-1"), Condition.absent());
            }

            assertThat(new TableHousekeeping(table, () -> center, clock).dropPastClaims()).isEqualTo(1);

            assertThat(table.get(old)).isEmpty();
            assertThat(table.get(recent)).isPresent();
            assertThat(table.get(future)).isPresent();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void deletesExpiredSessionsByTheLayoutsTimeToLiveAttribute() throws Exception {
        Key expired = ExpiringRecords.sessionKey("expired");
        Key valid = ExpiringRecords.sessionKey("valid");
        try (EmbeddedTable table = EmbeddedTables.open(directory)) {
            table.put(Item.of(expired).with("expiresAt", ExpiringRecords.ttl(Instant.now().minusSeconds(5))),
                    Condition.absent());
            table.put(Item.of(valid).with("expiresAt", ExpiringRecords.ttl(Instant.now().plusSeconds(3600))),
                    Condition.absent());

            assertThat(new TableHousekeeping(table, () -> center, clock).deleteExpired()).isEqualTo(1);

            assertThat(table.get(expired)).isEmpty();
            assertThat(table.get(valid)).isPresent();
        }
    }
}
