package com.medicarewizard.adapter.embedded.outbox;

import com.medicarewizard.adapter.embedded.table.RecordingSync;
import com.medicarewizard.port.Notifications.Email;
import com.medicarewizard.port.Notifications.Sms;
import com.medicarewizard.port.SentNotifications;
import com.medicarewizard.port.SentNotifications.Entry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox keeps a bounded number of bounded files, and the latest messages are read from its end. */
class OutboxTest {
    private static final Instant NOW = Instant.parse("2027-03-01T08:00:00Z");

    @TempDir
    Path directory;

    private OutboxNotifications outbox() {
        return new OutboxNotifications(new Outbox(directory), Optional.empty(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** The notifier's batch: its lines written to the file at once, forced once at the end, not one force a line. */
    @Test
    void linesOfADeferringBlockAreWrittenAtOnceAndForcedOnceAtItsEnd() throws IOException {
        RecordingSync disk = new RecordingSync();
        OutboxNotifications outbox = new OutboxNotifications(new Outbox(directory, disk), Optional.empty(),
                Clock.fixed(NOW, ZoneOffset.UTC));
        outbox.send(new Sms("+393471234567", "alone"));
        assertThat(disk.forces()).as("a line outside a block is forced before it counts").isEqualTo(1);

        int linesInside = outbox.deferringForces(() -> {
            for (int i = 0; i < 10; i++) {
                outbox.send(new Sms("+393471234567", "batch " + i));
            }
            assertThat(disk.forces()).as("no force inside the block").isEqualTo(1);
            return outbox.entries().size();
        }, () -> assertThat(disk.forces()).as("forced before what depends on it").isEqualTo(2));

        assertThat(linesInside).as("written to the file before the block ended").isEqualTo(11);
        assertThat(disk.forces()).as("one force for the whole block").isEqualTo(2);
        assertThat(disk.forcedUpTo()).isEqualTo(Files.size(directory.resolve(Outbox.FILE)));
    }

    @Test
    void aFullOutboxIsRotatedAndOnlyTheKeptFilesRemain() throws IOException {
        for (int age = 1; age < Outbox.KEPT_FILES; age++) {
            Files.write(directory.resolve(Outbox.FILE + "." + age), lines(10, "older" + age));
        }
        Files.write(directory.resolve(Outbox.FILE), linesOfAtLeast(Outbox.MAX_FILE_BYTES, "full"));
        OutboxNotifications outbox = outbox();

        outbox.send(new Sms("+393471234567", "Your booking is confirmed."));

        assertThat(Files.size(directory.resolve(Outbox.FILE))).isLessThan(1024);
        assertThat(Files.size(directory.resolve(Outbox.FILE + ".1"))).isGreaterThanOrEqualTo(Outbox.MAX_FILE_BYTES);
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("outbox.jsonl", "outbox.jsonl.1", "outbox.jsonl.2", "outbox.jsonl.3");
        }
        assertThat(outbox.entries()).extracting(e -> e.path("id").asText())
                .doesNotContain("older3-0").contains("older2-0", "full-0").last().isNotIn("full-0");
        assertThat(outbox.recent(2)).extracting(Entry::channel).containsExactly("SMS", "SMS");
        assertThat(outbox.recent(2).getFirst().maskedRecipient()).isNotEqualTo("+393471234567").endsWith("567");
    }

    @Test
    void theLatestMessagesAreReadBackwardsOnlyAsFarAsAsked() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        // a head this reader must never reach: bytes that are not UTF-8, then 300 messages
        file.write(new byte[] {(byte) 0xFF, (byte) 0xFE, '\n'});
        file.write(lines(300, "m"));
        Files.write(directory.resolve(Outbox.FILE), file.toByteArray());

        List<Entry> latest = outbox().recent(200);

        assertThat(latest).hasSize(200);
        assertThat(latest.getFirst().id()).isEqualTo("m-299");
        assertThat(latest.getLast().id()).isEqualTo("m-100");
    }

    @Test
    void theLatestMessagesGoOnIntoTheRotatedFileAndSkipATornLastLine() throws IOException {
        Files.write(directory.resolve(Outbox.FILE + ".1"), lines(5, "old"));
        byte[] newest = lines(2, "new");
        byte[] torn = "{\"id\":\"torn\",\"chan".getBytes(StandardCharsets.UTF_8);
        byte[] both = new byte[newest.length + torn.length];
        System.arraycopy(newest, 0, both, 0, newest.length);
        System.arraycopy(torn, 0, both, newest.length, torn.length);
        Files.write(directory.resolve(Outbox.FILE), both);

        assertThat(outbox().recent(4)).extracting(Entry::id).containsExactly("new-1", "new-0", "old-4", "old-3");
    }

    /** {@code count} SMS entries as the outbox writes them, with ids {@code prefix-0}, {@code prefix-1}, … */
    @Test
    void aPatientsMessagesAreReadWholeAndForgottenInEveryKeptFileOthersKept() throws IOException {
        OutboxNotifications outbox = outbox();
        outbox.send(new Sms("+393471234567", "Maria's first"));
        outbox.send(new Email("maria@example.org", "Confirmed", "Dear Maria", Optional.empty()));
        outbox.send(new Sms("+390612345678", "Someone else's"));
        Files.move(directory.resolve(Outbox.FILE), directory.resolve(Outbox.FILE + ".1"));
        outbox.send(new Sms("+393471234567", "Maria's latest"));
        Set<String> maria = Set.of("maria@example.org", "+393471234567");

        assertThat(outbox.to(maria)).extracting(SentNotifications.Message::text)
                .containsExactly("Maria's first", "Dear Maria", "Maria's latest");
        assertThat(outbox.to(maria)).filteredOn(m -> m.channel().equals("EMAIL")).singleElement()
                .satisfies(m -> assertThat(m.subject()).isEqualTo("Confirmed"));

        assertThat(outbox.forget(maria)).isEqualTo(3);

        assertThat(outbox.to(maria)).isEmpty();
        assertThat(outbox.entries()).singleElement().satisfies(e -> assertThat(e.get("text").asText())
                .isEqualTo("Someone else's"));
        String files = Files.readString(directory.resolve(Outbox.FILE)) + Files.readString(directory.resolve(Outbox.FILE + ".1"));
        assertThat(files).doesNotContain("maria", "+393471234567");
        assertThat(outbox.forget(maria)).isZero();
        outbox.send(new Sms("+390612345678", "after"));
        assertThat(outbox.entries()).hasSize(2);
    }

    private static byte[] lines(int count, String prefix) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(line(prefix + "-" + i));
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] linesOfAtLeast(long bytes, String prefix) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < bytes; i++) {
            text.append(line(prefix + "-" + i));
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String line(String id) {
        return "{\"id\":\"" + id + "\",\"at\":\"" + NOW + "\",\"channel\":\"SMS\",\"to\":\"+393471234567\","
                + "\"via\":\"outbox\",\"text\":\"Your booking is confirmed.\"}\n";
    }
}
