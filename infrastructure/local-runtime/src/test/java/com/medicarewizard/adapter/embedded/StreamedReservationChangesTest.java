package com.medicarewizard.adapter.embedded;

import static com.medicarewizard.domain.ReservationMother.REQUESTED_AT;
import static com.medicarewizard.domain.ReservationMother.confirmed;
import static com.medicarewizard.domain.ReservationMother.pending;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.adapter.embedded.table.RecordingSync;
import com.medicarewizard.adapter.embedded.table.TableOptions;
import com.medicarewizard.adapter.table.TableReservations;
import com.medicarewizard.domain.CenterMother;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.intake.http.PatientRoute;
import com.medicarewizard.intake.http.Request;
import com.medicarewizard.intake.http.Response;
import com.medicarewizard.intake.reservation.ReadReservations;
import com.medicarewizard.port.ReservationChanges.Awaited;
import com.medicarewizard.port.Tokens;
import com.medicarewizard.port.contract.ReservationChangesContract;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Waiting on the embedded table: woken by its change stream once a change is durable, and bounded. */
class StreamedReservationChangesTest {
    private static final Duration LONG = Duration.ofSeconds(20);

    @TempDir
    Path directory;
    private EmbeddedTable table;
    /** A thread per task: the waiter and the writer must not queue behind each other (a common pool of one would). */
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void closeTable() throws IOException {
        threads.shutdownNow();
        if (table != null) {
            table.close();
        }
    }

    @Nested
    class Contract extends ReservationChangesContract {
        @Override
        protected Watched newWatched() {
            table = EmbeddedTables.open(directory);
            TableReservations reservations = new TableReservations(table);
            return new Watched(reservations, new StreamedReservationChanges(table.stream(), reservations, 8));
        }
    }

    /** A patient is never told of a decision a power loss could take back: the wait ends once it is forced. */
    @Test
    void aDecisionWakesTheWaiterOnlyOnceItIsOnTheDisk() throws Exception {
        RecordingSync sync = new RecordingSync();
        table = EmbeddedTables.open(directory, TableOptions.defaults().withJournalSync(sync));
        TableReservations reservations = new TableReservations(table);
        var changes = new StreamedReservationChanges(table.stream(), reservations, 8);
        Reservation seen = reservations.create(pending(PatientId.random()), Optional.empty()).reservation();
        CompletableFuture<Awaited> waiting = CompletableFuture.supplyAsync(() -> awaitQuietly(changes, seen), threads);
        await().atMost(Duration.ofSeconds(30)).until(() -> changes.waiting() == 1);

        sync.hold();
        CompletableFuture<Reservation> decided = CompletableFuture.supplyAsync(
                () -> reservations.update(confirmed(seen, REQUESTED_AT.plusSeconds(1))), threads);
        await().atMost(Duration.ofSeconds(30)).until(sync::holding);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> !waiting.isDone());

        sync.release();
        Awaited awaited = waiting.get(15, TimeUnit.SECONDS);
        assertThat(awaited.waited()).isTrue();
        assertThat(awaited.reservation()).contains(decided.get(15, TimeUnit.SECONDS));
        assertThat(changes.waiting()).isZero();
    }

    /**
     * The allocator forces its decisions at the end of its batch, so a read may show one decided
     * before it is on the disk: a waiting read that finds it so is answered only once it is forced.
     */
    @Test
    void aWaitingReadThatFindsADecisionNotYetForcedAnswersItOnlyOnceItIs() throws Exception {
        Unforced decided = decidedButNotForced();

        CompletableFuture<Response> answer = CompletableFuture.supplyAsync(() -> decided.waitingRead(20), threads);
        try {
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> !answer.isDone());
        } finally {
            decided.sync().release();
        }
        APIGatewayProxyResponseEvent event = answer.get(15, TimeUnit.SECONDS).toEvent();
        assertThat(event.getBody()).contains("\"status\":\"CONFIRMED\"");
        assertThat(event.getHeaders()).containsEntry("Preference-Applied", "wait=20");
    }

    @Test
    void aWaitThatEndsBeforeTheForceAnswersWhatWasDurable() throws Exception {
        Unforced decided = decidedButNotForced();
        try {
            assertThat(decided.waitingRead(1).toEvent().getBody()).contains("\"status\":\"PENDING\"");
        } finally {
            decided.sync().release();
        }
    }

    /** A PENDING reservation, its reads waiting on this table, and the force of its decision held. */
    private record Unforced(RecordingSync sync, Reservation seen, PatientRoute read) {
        /** The patient's read of it with {@code Prefer: wait=seconds}. */
        Response waitingRead(int seconds) {
            return read.handle(waiting(seen, seconds), session(seen.patient()));
        }
    }

    /** Confirms a new reservation with its force held: readable in the table, not on the disk. */
    private Unforced decidedButNotForced() {
        RecordingSync sync = new RecordingSync();
        table = EmbeddedTables.open(directory, TableOptions.defaults().withJournalSync(sync));
        TableReservations reservations = new TableReservations(table);
        Reservation seen = reservations.create(pending(PatientId.random()), Optional.empty()).reservation();
        PatientRoute read = new ReadReservations(reservations,
                new StreamedReservationChanges(table.stream(), reservations, 8), CenterMother::center).one();
        sync.hold();
        CompletableFuture.runAsync(() -> reservations.update(confirmed(seen, REQUESTED_AT.plusSeconds(1))), threads);
        await().atMost(Duration.ofSeconds(30)).until(sync::holding);
        assertThat(reservations.find(seen.id()).orElseThrow().awaitsAllocator()).isFalse();
        return new Unforced(sync, seen, read);
    }

    private static Request waiting(Reservation seen, int seconds) {
        return Request.of(new APIGatewayProxyRequestEvent().withHttpMethod("GET")
                .withResource("/api/v1/reservations/{id}").withPathParameters(Map.of("id", seen.id().value()))
                .withHeaders(Map.of("Prefer", "wait=" + seconds)));
    }

    private static Tokens.Session session(PatientId patient) {
        return new Tokens.Session("token-hash", patient, REQUESTED_AT, REQUESTED_AT.plusSeconds(3600));
    }

    @Test
    void beyondItsWaitersItAnswersAtOnceNotWaited() throws Exception {
        table = EmbeddedTables.open(directory);
        TableReservations reservations = new TableReservations(table);
        var changes = new StreamedReservationChanges(table.stream(), reservations, 1);
        Reservation seen = reservations.create(pending(PatientId.random()), Optional.empty()).reservation();
        CompletableFuture<Awaited> first = CompletableFuture.supplyAsync(() -> awaitQuietly(changes, seen), threads);
        await().atMost(Duration.ofSeconds(30)).until(() -> changes.waiting() == 1);

        Awaited second = changes.awaitChange(seen, LONG);

        assertThat(second.waited()).isFalse();
        assertThat(second.reservation()).contains(seen);
        reservations.update(confirmed(seen, REQUESTED_AT.plusSeconds(1)));
        assertThat(first.get(15, TimeUnit.SECONDS).waited()).isTrue();
        assertThat(changes.waiting()).isZero();
    }

    private static Awaited awaitQuietly(StreamedReservationChanges changes, Reservation seen) {
        try {
            return changes.awaitChange(seen, LONG);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
