package com.medicarewizard.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.medicarewizard.domain.notification.Channel;
import com.medicarewizard.domain.notification.NotificationKey;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.port.RecipientQuota;
import com.medicarewizard.runtime.LocalRuntime;
import com.medicarewizard.runtime.RuntimeConfig;
import com.medicarewizard.table.Item;
import com.medicarewizard.table.Key;
import com.medicarewizard.table.layout.ItemKeys;
import com.medicarewizard.table.layout.ItemLayout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A patient's export and erasure end to end over HTTP on the embedded runtime: registered, booked and
 * confirmed, their export holds it all; erased, they cannot log in, their address registers again,
 * their reservation is kept naming no one and its time is free again, and nothing of their personal data
 * is left in the table, its journal once compacted, or the outbox.
 */
class PersonalDataIT {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String PASSWORD = "a long passphrase for erasure";
    private static final String PHONE = "+393479876543";
    private static final String TAX_CODE = "RSSMRA85T10A562S";
    private static final String LAST_NAME = "Quartararo";
    @TempDir
    static Path data;
    static LocalRuntime runtime;
    static Bookings bookings;

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(RuntimeConfig.forTests(data, "ops-secret-for-tests"));
        bookings = new Bookings(runtime);
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void aPatientExportsTheirDataThenErasesTheirAccountAndNothingOfThemIsLeft() {
        String email = "ginevra." + System.nanoTime() + "@example.org";
        ApiClient patient = registeredAndLoggedIn(email);
        JsonNode slot = bookings.firstSlot("BLOOD-TEST", "ROMA-NORD", 2, 0);
        String start = slot.get("start").asText();
        String id = bookings.accepted(patient, "BLOOD-TEST", OffsetDateTime.parse(start), "ROMA-NORD");
        assertThat(bookings.awaitFinal(List.of(id)).getFirst().status()).isEqualTo(ReservationStatus.CONFIRMED);
        await().atMost(PATIENCE).until(() -> kept(email).size() == 1 && kept(PHONE).size() == 1);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(available(start)).isEqualTo(1));
        assertThat(messageCount(Channel.EMAIL, email)).isPresent();
        PatientId patientId = runtime.reservations().find(new ReservationId(id)).orElseThrow().patient();
        ApiClient.Answer waiting = patient.post("/api/v1/waitlist", "{\"examType\":\"MRI-KNEE\",\"before\":\"%s\"}"
                .formatted(java.time.LocalDate.now().plusDays(20)));
        assertThat(waiting.status()).as("%s", waiting).isEqualTo(201);

        ApiClient.Answer export = patient.post("/api/v1/me/export", passwordBody());

        assertThat(export.status()).as("%s", export).isEqualTo(200);
        assertThat(export.header("Content-Disposition")).startsWith("attachment;");
        assertThat(export.header("Cache-Control")).isEqualTo("no-store");
        assertThat(export.body().at("/profile/taxCode").asText()).isEqualTo(TAX_CODE);
        assertThat(export.body().at("/profile/phone").asText()).isEqualTo(PHONE);
        assertThat(export.body().get("reservations")).singleElement().satisfies(r -> {
            assertThat(r.get("id").asText()).isEqualTo(id);
            assertThat(r.get("status").asText()).isEqualTo("CONFIRMED");
            assertThat(OffsetDateTime.parse(r.get("start").asText())).isEqualTo(OffsetDateTime.parse(start));
        });
        assertThat(export.body().get("messages")).hasSize(2);
        assertThat(export.body().get("waitlist")).singleElement()
                .satisfies(entry -> assertThat(entry.get("examType").asText()).isEqualTo("MRI-KNEE"));

        ApiClient.Answer erased = patient.post("/api/v1/me/erasure", passwordBody());

        assertThat(erased.status()).as("%s", erased).isEqualTo(204);
        assertThat(patient.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(logIn(email).status()).isEqualTo(401);
        Reservation kept = awaitCancelledAndPassedByTheNotifier(id);
        assertThat(kept.patient()).isEqualTo(PatientId.ERASED);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(available(start)).isEqualTo(2));
        assertThat(runtime.notificationLedger().state(new NotificationKey(kept.id(), ReservationStatus.CANCELLED,
                Channel.EMAIL))).isEmpty();
        // but what is left of the patient item: its id and when it was erased, remembered a while (ERASURE_REMEMBERED)
        assertThat(runtime.table().scan(item -> !item.string("type").equals("PATIENT")
                && item.optString("patientId").filter(patientId.value()::equals).isPresent()))
                .as("reservations, waitlist entries: nothing names them").isEmpty();
        assertThat(kept(email)).isEmpty();
        assertThat(kept(PHONE)).isEmpty();
        assertThat(messageCount(Channel.EMAIL, email)).isEmpty();
        assertThat(messageCount(Channel.SMS, PHONE)).isEmpty();
        assertNothingOfThemIn(runtime.table().scan(item -> true).stream().map(Item::toString).toList(), email);
        await().atMost(PATIENCE).untilAsserted(() -> {
            runtime.table().compact();
            assertNothingOfThemIn(filesUnder(data), email);
        });
        assertThat(runtime.audit().run().breaches()).isEmpty();

        ApiClient again = new ApiClient(runtime.port());
        assertThat(again.post("/api/v1/patients", registration(email)).status()).isEqualTo(201);
        assertThat(logIn(email).status()).isEqualTo(200);
    }

    /**
     * The erasure meets the pipeline under way: requests just accepted (still PENDING on the queue, or
     * being decided) and one being cancelled. Whatever the allocator was doing, each ends CANCELLED,
     * naming no one, holding no cell (the ledger audit), and nothing is sent to the erased patient about any of them.
     */
    @Test
    void anErasureRightAfterBookingCancelsWhatTheAllocatorHadNotYetDecidedAndTellsThePatientNothing() {
        String email = "ottavia." + System.nanoTime() + "@example.org";
        ApiClient patient = registeredAndLoggedIn(email);
        List<String> ids = Stream.of(0, 1, 2).map(i -> bookings.firstSlot("BLOOD-TEST", "ROMA-EUR", 1, 1))
                .map(slot -> bookings.accepted(patient, "BLOOD-TEST", OffsetDateTime.parse(slot.get("start").asText()),
                        "ROMA-EUR")).toList();
        patient.delete("/api/v1/reservations/" + ids.get(2));

        ApiClient.Answer erased = patient.post("/api/v1/me/erasure", passwordBody());

        assertThat(erased.status()).as("%s", erased).isEqualTo(204);
        for (String id : ids) {
            Reservation kept = awaitCancelledAndPassedByTheNotifier(id);
            assertThat(kept.patient()).isEqualTo(PatientId.ERASED);
        }
        assertThat(kept(email)).isEmpty();
        assertThat(kept(PHONE)).isEmpty();
        assertThat(runtime.notificationLedger().parked(100)).isEmpty();
        assertThat(runtime.audit().run().breaches()).isEmpty();
    }

    private Reservation awaitCancelledAndPassedByTheNotifier(String id) {
        await().atMost(PATIENCE).until(() -> runtime.reservations().find(new ReservationId(id)).orElseThrow().status()
                == ReservationStatus.CANCELLED);
        // the notifier tells the event last: once it is out, the patient's own channels were decided
        await().atMost(PATIENCE).until(() -> runtime.events().published().stream()
                .anyMatch(e -> e.detailType().equals("ReservationCancelled") && e.detail().contains(id)));
        return runtime.reservations().find(new ReservationId(id)).orElseThrow();
    }

    /** The message limit's count of what {@code address} got on {@code channel}. */
    private static Optional<Item> messageCount(Channel channel, String address) {
        return runtime.table().get(new Key(ItemKeys.quota(RecipientQuota.subject(channel, address)), ItemLayout.QUOTA));
    }

    private static void assertNothingOfThemIn(List<String> texts, String email) {
        assertThat(texts).allSatisfy(text -> assertThat(text)
                .doesNotContain(email, PHONE, TAX_CODE, LAST_NAME, "1985-12-10"));
    }

    private static List<String> filesUnder(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".lock"))
                    .map(PersonalDataIT::read).toList();
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int available(String start) {
        return bookings.firstSlotAt("BLOOD-TEST", "ROMA-NORD", start, 0).get("available").asInt();
    }

    private static List<JsonNode> kept(String recipient) {
        return runtime.outbox().entries().stream().filter(e -> e.path("to").asText().equals(recipient)).toList();
    }

    private static ApiClient registeredAndLoggedIn(String email) {
        ApiClient anonymous = new ApiClient(runtime.port());
        ApiClient.Answer registered = anonymous.post("/api/v1/patients", registration(email));
        assertThat(registered.status()).as("%s", registered).isEqualTo(201);
        ApiClient.Answer login = logIn(email);
        assertThat(login.status()).as("%s", login).isEqualTo(200);
        return anonymous.withToken(login.body().get("accessToken").asText());
    }

    private static ApiClient.Answer logIn(String email) {
        return new ApiClient(runtime.port()).send("POST", "/api/v1/auth/token",
                "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, PASSWORD), Map.of());
    }

    private static String registration(String email) {
        return """
                {"email":"%s","password":"%s","firstName":"Ginevra","lastName":"%s","phone":"%s",
                 "taxCode":"%s","dateOfBirth":"1985-12-10","language":"it"}"""
                .formatted(email, PASSWORD, LAST_NAME, PHONE, TAX_CODE);
    }

    private static String passwordBody() {
        return "{\"password\":\"" + PASSWORD + "\"}";
    }
}
