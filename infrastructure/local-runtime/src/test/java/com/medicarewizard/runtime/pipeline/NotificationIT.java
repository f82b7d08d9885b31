package com.medicarewizard.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.medicarewizard.adapter.embedded.outbox.SmtpSettings;
import com.medicarewizard.adapter.embedded.table.StreamRecord;
import com.medicarewizard.domain.notification.Channel;
import com.medicarewizard.domain.notification.NotificationKey;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.notifier.NotifierHandler;
import com.medicarewizard.notifier.NotifierSettings;
import com.medicarewizard.notifier.OutcomeNotifier;
import com.medicarewizard.port.NotificationLedger.State;
import com.medicarewizard.runtime.LocalRuntime;
import com.medicarewizard.runtime.RuntimeConfig;
import com.medicarewizard.runtime.lambda.FunctionConfig;
import com.medicarewizard.runtime.lambda.LocalLambdaContext;
import com.medicarewizard.runtime.stream.DynamodbEventAssembler;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Notifications end to end on the embedded runtime with a real SMTP server in the test (GreenMail):
 * one e-mail with a valid calendar file and one SMS per outcome, nothing more on redelivery, SMTP
 * outages that neither hold up decisions nor lose or duplicate mail, refused recipients parked.
 * GreenMail binds port 0; the runtime reaches it through a {@link TcpGate}, which also makes the outage.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the SMTP outage last: it leaves the e-mail breaker open a while
class NotificationIT {
    private static final String OPS = "ops-secret-for-tests";
    @TempDir
    static Path data;
    /** Generous: the runtime decides and notifies on threads a busy machine schedules late. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    static GreenMail smtp;
    static TcpGate smtpGate;
    static LocalRuntime runtime;
    static Bookings bookings;

    @BeforeAll
    static void start() throws Exception {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        smtpGate = new TcpGate(smtp.getSmtp().getPort());
        runtime = LocalRuntime.start(RuntimeConfig.forTests(data, OPS).withSmtp(new SmtpSettings("127.0.0.1",
                smtpGate.port(), Optional.empty(), Optional.empty(), SmtpSettings.DEFAULT_FROM)));
        bookings = new Bookings(runtime);
    }

    @AfterAll
    static void stop() throws Exception {
        runtime.close();
        smtpGate.close();
        smtp.stop();
    }

    @Test
    @Order(1)
    void aConfirmedRequestYieldsOneEmailWithItsCalendarFileAndOneSms() throws Exception {
        String email = "anna." + System.nanoTime() + "@example.org";
        Reservation confirmed = book(email, "it", 0);
        assertThat(confirmed.status()).isEqualTo(ReservationStatus.CONFIRMED);
        await().atMost(PATIENCE).until(() -> received(email).size() == 1);
        await().atMost(PATIENCE).until(() -> outbox(email, "SMS").size() == 1);
        MimeMessage mail = received(email).getFirst();
        assertThat(mail.getSubject()).startsWith("Confermato: ");
        VEvent event = new CalendarBuilder().build(new StringReader(calendarOf(mail)))
                .<VEvent>getComponent("VEVENT").orElseThrow();
        var start = event.getDateTimeStart();
        assertThat(start.getParameter("TZID").orElseThrow().getValue()).isEqualTo("Europe/Rome");
        assertThat(ZonedDateTime.from(start.getDate()).toInstant()).isEqualTo(confirmed.start());
        assertThat(outbox(email, "EMAIL")).hasSize(1);
        assertThat(outbox(email, "EMAIL").getFirst().path("via").asText()).isEqualTo("smtp");
        assertThat(runtime.events().published()).filteredOn(e -> e.detail().contains(confirmed.id().value()))
                .singleElement().satisfies(e -> assertThat(e.detailType()).isEqualTo("ReservationConfirmed"));
        Instant decided = confirmed.decidedAt().orElseThrow();
        Instant mailed = Instant.parse(outbox(email, "EMAIL").getFirst().path("at").asText());
        System.out.printf("figure: CONFIRMED → e-mail in the outbox in %d ms%n",
                Duration.between(decided, mailed).toMillis());
    }

    @Test
    @Order(2)
    void theSameStreamRecordsDeliveredTwiceSendNothingMore() throws Exception {
        String email = "bruno." + System.nanoTime() + "@example.org";
        // the runtime's stream drops what the notifier has passed: keep the records as they are published
        Queue<StreamRecord> published = new ConcurrentLinkedQueue<>();
        runtime.table().stream().onPublished(published::add);
        Reservation confirmed = book(email, "en", 7);
        await().atMost(PATIENCE).until(() -> received(email).size() == 1
                && outbox(email, "SMS").size() == 1);
        List<StreamRecord> records = published.stream()
                .filter(r -> r.keys().pk().endsWith(confirmed.id().value())).toList();
        assertThat(records).isNotEmpty();
        // ... and keeps none of them once passed: a record kept would be copied by every young collection
        long passed = records.getLast().sequenceNumber();
        await().atMost(PATIENCE).until(() -> runtime.notifierMapping().checkpoint() >= passed);
        await().atMost(PATIENCE).until(() -> runtime.table().stream().oldestRetainedSequence()
                .orElse(Long.MAX_VALUE) > passed);
        NotifierHandler replay = new NotifierHandler(new OutcomeNotifier(runtime.patients(), runtime::center,
                runtime.outbox(), runtime.events(), runtime.notificationLedger(), runtime.recipientQuota(),
                NotifierSettings.standard(),
                Clock.systemUTC()));
        var context = LocalLambdaContext.startingNow(FunctionConfig.of("replay", Duration.ofSeconds(30), 512),
                Clock.systemUTC());
        for (int delivery = 0; delivery < 2; delivery++) {
            var response = replay.handleRequest(new DynamodbEventAssembler().assemble(records), context);
            assertThat(response.getBatchItemFailures()).isEmpty();
        }
        assertThat(received(email)).hasSize(1);
        assertThat(outbox(email, "EMAIL")).hasSize(1);
        assertThat(outbox(email, "SMS")).hasSize(1);
        assertThat(runtime.events().published()).filteredOn(e -> e.detail().contains(confirmed.id().value()))
                .hasSize(1);
    }

    @Test
    @Order(4)
    void withSmtpDownTheRequestConfirmsWithoutWaitingForItAndTheMailGoesOutOnceWhenSmtpReturns() throws Exception {
        String email = "carla." + System.nanoTime() + "@example.org";
        smtpGate.shut();
        Reservation confirmed;
        try {
            confirmed = book(email, "en", 14);
            assertThat(confirmed.status()).isEqualTo(ReservationStatus.CONFIRMED);
            NotificationKey mail = new NotificationKey(confirmed.id(), ReservationStatus.CONFIRMED, Channel.EMAIL);
            await().atMost(PATIENCE).until(() -> runtime.notificationLedger().state(mail)
                    .equals(Optional.of(State.PARKED)));
            // decided before the e-mail's first attempt failed: the decision did not wait for SMTP
            assertThat(confirmed.decidedAt().orElseThrow())
                    .isBeforeOrEqualTo(runtime.notificationLedger().parked(mail).orElseThrow().parkedAt());
            await().atMost(PATIENCE).until(() -> outbox(email, "SMS").size() == 1);
            assertThat(outbox(email, "EMAIL")).isEmpty();
        } finally {
            smtpGate.open();
        }
        await().atMost(PATIENCE).until(() -> received(email).size() == 1);
        await().during(Duration.ofSeconds(3)).atMost(PATIENCE).until(() -> received(email).size() == 1);
        assertThat(outbox(email, "EMAIL")).hasSize(1);
        assertThat(runtime.notificationLedger().state(
                new NotificationKey(confirmed.id(), ReservationStatus.CONFIRMED, Channel.EMAIL))).contains(State.SENT);
    }

    @Test
    @Order(3)
    void aRecipientTheMailSystemRefusesIsParkedAndOperatorsSeeItMasked() throws Exception {
        String email = "dario.rossi." + System.nanoTime() + "@example.org";
        NotificationKey mail;
        try (RefusingSmtpServer refusing = new RefusingSmtpServer()) {
            smtpGate.redirect(refusing.port());
            Reservation confirmed = book(email, "en", 21);
            mail = new NotificationKey(confirmed.id(), ReservationStatus.CONFIRMED, Channel.EMAIL);
            await().atMost(PATIENCE).until(() -> runtime.notificationLedger().parked(mail).isPresent());
        } finally {
            smtpGate.redirect(smtp.getSmtp().getPort());
        }
        assertThat(runtime.notificationLedger().parked(mail).orElseThrow().retryable()).isFalse();
        ApiClient operator = new ApiClient(runtime.port()).withToken(OPS);
        ApiClient.Answer parked = operator.get("/api/v1/ops/notifications/parked");
        assertThat(parked.status()).isEqualTo(200);
        JsonNode entry = stream(parked.body()).filter(p -> p.path("id").asText().equals(mail.id())).findFirst()
                .orElseThrow();
        assertThat(entry.path("recipient").asText()).isEqualTo("d***@example.org");
        assertThat(entry.path("reason").asText()).contains("recipient refused");
        assertThat(entry.path("retryable").asBoolean()).isFalse();
        assertThat(parked.body().toString()).doesNotContain(email).doesNotContain("+393471234567");
        assertThat(operator.post("/api/v1/ops/notifications/parked/" + mail.id() + "/retry", null).status())
                .isEqualTo(202);
        assertThat(operator.post("/api/v1/ops/notifications/parked/not-an-id/retry", null).status()).isEqualTo(404);
        assertThat(new ApiClient(runtime.port()).get("/api/v1/ops/notifications/parked").status()).isEqualTo(401);
    }

    private Reservation book(String email, String language, int dayOffset) {
        ApiClient patient = new ApiClient(runtime.port()).asNewPatient(email, language, phoneOf(email));
        JsonNode slot = bookings.firstSlot("XRAY-CHEST", "ROMA-NORD", 1, dayOffset);
        String id = bookings.accepted(patient, "XRAY-CHEST", OffsetDateTime.parse(slot.get("start").asText()),
                "ROMA-NORD");
        return bookings.awaitFinal(List.of(id)).getFirst();
    }

    private static List<MimeMessage> received(String email) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(email));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    /** The outbox entries of one patient's channel (each test patient has their own number). */
    private static List<JsonNode> outbox(String email, String channel) {
        String to = channel.equals("SMS") ? phoneOf(email) : email;
        return runtime.outbox().entries().stream()
                .filter(e -> e.path("channel").asText().equals(channel) && e.path("to").asText().equals(to))
                .toList();
    }

    private static String phoneOf(String email) {
        return "+39347" + String.format("%07d", Math.floorMod(email.hashCode(), 10_000_000));
    }

    private static String calendarOf(MimeMessage mail) throws Exception {
        Multipart parts = (Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            Part part = parts.getBodyPart(i);
            if (part.getContentType().toLowerCase().startsWith("text/calendar")) {
                try (InputStream in = part.getInputStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no text/calendar part");
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }
}
