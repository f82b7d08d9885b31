package com.medicarewizard.runtime.pipeline;

import com.medicarewizard.adapter.embedded.table.StreamRecord;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.runtime.LocalRuntime;
import com.medicarewizard.runtime.RuntimeConfig;
import com.medicarewizard.runtime.sqs.QueueFigures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** At-least-once delivery meets conditional writes: duplicates and replays change nothing. */
class RedeliveryIT {
    @TempDir
    static Path data;
    static LocalRuntime runtime;
    static Bookings bookings;
    /** Every change as it was published: the runtime's stream drops what the notifier has passed. */
    static final Queue<StreamRecord> CHANGES = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(RuntimeConfig.forTests(data, "ops-secret-for-tests"));
        runtime.table().stream().onPublished(CHANGES::add);
        bookings = new Bookings(runtime);
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void theSameDecisionDeliveredAgainChangesNothing() {
        Reservation decided = bookAndDecide();
        long stream = runtime.table().stream().latestSequence();
        send(decideBody(decided.id()));
        send(decideBody(decided.id()));
        awaitQueueEmpty();
        assertThat(runtime.reservations().find(decided.id())).contains(decided);
        assertThat(decisionChangesSince(stream)).isEmpty();
        assertThat(runtime.audit().run().breaches()).isEmpty();
    }

    @Test
    void aPoisonMessageIsParkedInTheDeadLetterQueueAndAReplayedDeadLetterChangesNothing() {
        Reservation decided = bookAndDecide();
        long stream = runtime.table().stream().latestSequence();
        send("this is not a reservation command");
        send(decideBody(decided.id()));
        await().atMost(Duration.ofSeconds(90)).until(() -> figures().deadLetterQueue().total() == 1);
        List<Message> parked = runtime.sqs().receiveMessage(r -> r.queueUrl(runtime.queueUrls().deadLetterQueueUrl())
                .maxNumberOfMessages(10).waitTimeSeconds(1).messageAttributeNames("All")).messages();
        assertThat(parked).extracting(Message::body).containsExactly("this is not a reservation command");
        // an operator replays a dead letter of a request decided long ago: nothing changes
        send(decideBody(decided.id()));
        awaitQueueEmpty();
        assertThat(runtime.reservations().find(decided.id())).contains(decided);
        assertThat(decisionChangesSince(stream)).isEmpty();
    }

    @Test
    void aCancelNoPatientAskedForChangesNothingEvenFromAQueueWriterWithTheKey() {
        Reservation decided = bookAndDecide();
        long stream = runtime.table().stream().latestSequence();
        long deadLetters = figures().deadLetterQueue().total();
        send(commandBody("CANCEL", decided.id()));
        send(commandBody("DECIDE", ReservationId.random()));
        awaitQueueEmpty();
        assertThat(runtime.reservations().find(decided.id())).contains(decided);
        assertThat(decisionChangesSince(stream)).isEmpty();
        assertThat(figures().deadLetterQueue().total()).as("acknowledged, not parked").isEqualTo(deadLetters);
    }

    private Reservation bookAndDecide() {
        ApiClient patient = new ApiClient(runtime.port()).asNewPatient();
        var slot = bookings.firstSlot("XRAY-CHEST", "ROMA-EUR", 1, 0);
        String id = bookings.accepted(patient, "XRAY-CHEST", OffsetDateTime.parse(slot.get("start").asText()),
                "ROMA-EUR");
        return bookings.awaitFinal(List.of(id)).getFirst();
    }

    /**
     * Changes to reservations and cells since the sequence number. Notification markers and recorded
     * message failures are written meanwhile too, but they decide nothing.
     */
    private static java.util.List<String> decisionChangesSince(long sequence) {
        return CHANGES.stream().filter(r -> r.sequenceNumber() > sequence).map(r -> r.keys().pk())
                .filter(pk -> pk.startsWith("RESERVATION#") || pk.startsWith("CLAIM#")).toList();
    }

    private static String decideBody(ReservationId id) {
        return commandBody("DECIDE", id);
    }

    private static String commandBody(String type, ReservationId id) {
        return "{\"type\":\"" + type + "\",\"reservationId\":\"" + id + "\"}";
    }

    private static void send(String body) {
        runtime.sqs().sendMessage(r -> r.queueUrl(runtime.queueUrls().queueUrl()).messageBody(body)
                .messageAttributes(Map.of("correlationId",
                        MessageAttributeValue.builder().dataType("String").stringValue("test-replay").build())));
    }

    private static QueueFigures figures() {
        return QueueFigures.read(runtime.sqs(), runtime.queueUrls());
    }

    private static void awaitQueueEmpty() {
        await().atMost(Duration.ofSeconds(90)).until(() -> figures().queue().total() == 0);
    }
}
