package com.medicarewizard.runtime.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.medicarewizard.adapter.embedded.EmbeddedTables;
import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.adapter.embedded.table.RecordingSync;
import com.medicarewizard.adapter.embedded.table.TableOptions;
import com.medicarewizard.adapter.table.TableReservations;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.runtime.LocalRuntime;
import com.medicarewizard.runtime.RuntimeConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the edge acknowledged was on the disk first: a 202 is answered only once the table's
 * journal line of the PENDING reservation has been forced, so a power loss — everything not
 * forced gone — keeps every 202'd booking. And the data directory is private to its user.
 */
class DurableAcknowledgementIT {
    private static final String WIDE_DIRECTORY = "rwxr-xr-x";
    private static final String WIDE_FILE = "rw-r--r--";

    @TempDir
    static Path data;
    static RecordingSync disk;
    static LocalRuntime runtime;
    static Bookings bookings;

    @BeforeAll
    static void start() throws IOException {
        // as an older version left it: world-readable health data
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString(WIDE_DIRECTORY));
        Path outbox = Files.createDirectories(data.resolve("outbox"));
        Files.setPosixFilePermissions(outbox, PosixFilePermissions.fromString(WIDE_DIRECTORY));
        Files.setPosixFilePermissions(Files.writeString(outbox.resolve("outbox.jsonl"), ""),
                PosixFilePermissions.fromString(WIDE_FILE));
        disk = new RecordingSync();
        runtime = LocalRuntime.start(RuntimeConfig.forTests(data, "ops-secret-for-tests"),
                TableOptions.defaults().withJournalSync(disk));
        bookings = new Bookings(runtime);
    }

    @AfterAll
    static void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void answers202OnlyOnceTheJournalLineOfTheReservationIsForced() throws Exception {
        ApiClient patient = new ApiClient(runtime.port()).asNewPatient();
        JsonNode slot = bookings.firstSlot("ECG", "ROMA-NORD", 1, 20);
        ExecutorService client = Executors.newSingleThreadExecutor();
        disk.hold();
        CompletableFuture<Long> forcedWhenAnswered;
        CompletableFuture<ApiClient.Answer> answer;
        try {
            answer = CompletableFuture.supplyAsync(() -> patient.post("/api/v1/reservations",
                    bookings.booking("ECG", slot)), client);
            forcedWhenAnswered = answer.thenApply(a -> disk.forcedUpTo());
            await().atMost(Duration.ofSeconds(30)).until(disk::holding);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(() -> !answer.isDone());
        } finally {
            disk.release();
            client.shutdown();
        }

        ApiClient.Answer accepted = answer.get(30, TimeUnit.SECONDS);
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
        String id = accepted.body().get("id").asText();
        assertThat(forcedWhenAnswered.get()).as("forced bytes of the journal when the 202 came")
                .isGreaterThanOrEqualTo(endOfLineOf(data.resolve("table").resolve("journal.jsonl"), id));
    }

    @Test
    void everyAcknowledgedBookingSurvivesLosingWhatWasNotForced() throws Exception {
        List<ApiClient> patients = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            patients.add(new ApiClient(runtime.port()).asNewPatient());
        }
        JsonNode week = bookings.availability("BLOOD-TEST", "ROMA-NORD", 30);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> atPowerLoss;
        Path afterPowerLoss = Files.createDirectories(data.resolve("after-power-loss"));
        Path tableAfter = Files.createDirectories(afterPowerLoss.resolve("table"));
        try (ExecutorService burst = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 48; i++) {
                ApiClient patient = patients.get(i % patients.size());
                String body = bookings.booking("BLOOD-TEST", week.get(i % week.size()));
                burst.submit(() -> {
                    ApiClient.Answer a = patient.post("/api/v1/reservations", body);
                    if (a.status() == 202) {
                        acknowledged.add(a.body().get("id").asText());
                    }
                });
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 20);
            // the power goes: what was acknowledged so far, and only the forced part of the journal
            atPowerLoss = Set.copyOf(acknowledged);
            copyPrefix(data.resolve("table").resolve("journal.jsonl"), disk.forcedUpTo(),
                    tableAfter.resolve("journal.jsonl"));
        }

        try (EmbeddedTable table = EmbeddedTables.open(tableAfter)) {
            TableReservations reservations = new TableReservations(table);
            assertThat(atPowerLoss).allSatisfy(id ->
                    assertThat(reservations.find(new ReservationId(id))).as(id).isPresent());
        }
        // the machine comes back: the queue (in memory) is gone, and every acknowledged booking is decided
        Files.copy(data.resolve("center.json"), afterPowerLoss.resolve("center.json"));
        // a sweeper patient for ten minutes: what decides them is the start's refill of the queue
        try (LocalRuntime restarted = LocalRuntime.start(RuntimeConfig.forTests(afterPowerLoss, "ops-secret-for-tests")
                .withSweepAfter(Duration.ofMinutes(10)))) {
            assertThat(new Bookings(restarted).awaitFinal(List.copyOf(atPowerLoss))).extracting(Reservation::status)
                    .doesNotContain(ReservationStatus.PENDING);
        }
    }

    @Test
    void theDataDirectoryAndItsFilesArePrivateToTheirUser() throws Exception {
        for (Path directory : List.of(data, data.resolve("table"), data.resolve("outbox"))) {
            assertThat(permissions(directory)).as(directory.toString()).isEqualTo("rwx------");
        }
        for (Path file : List.of(data.resolve("table").resolve("journal.jsonl"), data.resolve("outbox").resolve("outbox.jsonl"))) {
            assertThat(permissions(file)).as(file.toString()).isEqualTo("rw-------");
        }
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static long endOfLineOf(Path journal, String reservationId) throws IOException {
        String text = new String(Files.readAllBytes(journal), StandardCharsets.ISO_8859_1);
        int at = text.indexOf("\"reservationId\":\"" + reservationId + "\"");
        assertThat(at).as("the journal line of " + reservationId).isNotNegative();
        return text.indexOf('\n', at) + 1;
    }

    private static void copyPrefix(Path file, long bytes, Path target) throws IOException {
        try (FileChannel source = FileChannel.open(file, StandardOpenOption.READ);
             FileChannel copy = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (long at = 0; at < bytes; ) {
                at += source.transferTo(at, bytes - at, copy);
            }
        }
    }
}
