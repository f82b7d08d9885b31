package com.medicarewizard.adapter.embedded.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medicarewizard.adapter.embedded.EmbeddedTables;
import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.adapter.embedded.table.JournalSync;
import com.medicarewizard.adapter.embedded.table.RecordingSync;
import com.medicarewizard.adapter.table.TableNotificationLedger;
import com.medicarewizard.domain.notification.Channel;
import com.medicarewizard.domain.notification.NotificationKey;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.port.NotificationLedger.State;
import com.medicarewizard.port.Notifications.Sms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A message is marked sent only once its outbox line is on the disk; a batch forces its lines once. */
class OutboxFirstLedgerTest {
    private static final Instant NOW = Instant.parse("2027-03-01T08:00:00Z");

    @TempDir
    Path directory;

    @Test
    void theMarkersOfABatchAreWrittenOnlyAfterItsOutboxLinesAreForced() throws IOException {
        RecordingSync disk = new RecordingSync();
        OutboxNotifications outbox = outbox(disk);
        NotificationKey key = new NotificationKey(ReservationId.random(), ReservationStatus.CONFIRMED, Channel.SMS);
        try (EmbeddedTable table = EmbeddedTables.open(directory.resolve("table"))) {
            TableNotificationLedger stored = new TableNotificationLedger(table);
            OutboxFirstLedger ledger = new OutboxFirstLedger(stored, outbox);

            ledger.batch(() -> {
                outbox.send(new Sms("+393471234567", "Confirmed"));
                assertThat(ledger.markSent(key, NOW)).isTrue();
                assertThat(stored.state(key)).as("not written before its line is forced").isEmpty();
                assertThat(ledger.state(key)).as("the batch sees its own marker").contains(State.SENT);
                assertThat(ledger.markSent(key, NOW)).as("once").isFalse();
                assertThat(disk.forces()).isZero();
                return null;
            });

            assertThat(disk.forces()).isEqualTo(1);
            assertThat(stored.state(key)).contains(State.SENT);
        }
    }

    @Test
    void aBatchWhoseOutboxCouldNotBeForcedMarksNothing() throws IOException {
        JournalSync broken = channel -> {
            throw new IOException("the disk went away");
        };
        OutboxNotifications outbox = outbox(broken);
        NotificationKey key = new NotificationKey(ReservationId.random(), ReservationStatus.CONFIRMED, Channel.SMS);
        try (EmbeddedTable table = EmbeddedTables.open(directory.resolve("table"))) {
            TableNotificationLedger stored = new TableNotificationLedger(table);
            OutboxFirstLedger ledger = new OutboxFirstLedger(stored, outbox);

            assertThatThrownBy(() -> ledger.batch(() -> {
                outbox.send(new Sms("+393471234567", "Confirmed"));
                return ledger.markSent(key, NOW);
            })).isInstanceOf(UncheckedIOException.class);

            assertThat(stored.state(key)).as("delivered again, not lost").isEmpty();
            assertThat(ledger.state(key)).isEmpty();
        }
    }

    private OutboxNotifications outbox(JournalSync sync) {
        return new OutboxNotifications(new Outbox(directory.resolve("outbox"), sync), Optional.empty(),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
