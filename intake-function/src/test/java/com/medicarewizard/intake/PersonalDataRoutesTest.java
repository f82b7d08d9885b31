package com.medicarewizard.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.notification.Channel;
import com.medicarewizard.domain.notification.NotificationKey;
import com.medicarewizard.domain.notification.ParkedNotification;
import com.medicarewizard.domain.patient.EmailAddress;
import com.medicarewizard.domain.reservation.Decision;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.intake.fakes.Api;
import com.medicarewizard.intake.fakes.LogCapture;
import com.medicarewizard.intake.fakes.Reply;
import com.medicarewizard.intake.fakes.Req;
import com.medicarewizard.port.RecipientQuota;
import com.medicarewizard.port.ReservationCommand;
import com.medicarewizard.port.SentNotifications;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/me/export} and {@code POST /api/v1/me/erasure}: own data, the password asked again. */
class PersonalDataRoutesTest {
    private static final String AHEAD = "2027-03-02T10:00:00+01:00";
    private static final String PASSWORD_BODY = "{\"password\":\"" + Api.PASSWORD + "\"}";
    private final Api api = new Api();
    private final String email = api.registerPatient();
    private final String token = api.login(email, Api.PASSWORD).text("accessToken");
    private final PatientId patient = api.patients.byEmail(new EmailAddress(email)).orElseThrow().id();

    private Reply export(String body) {
        return api.send(Req.post("/api/v1/me/export").bearer(token).json(body));
    }

    private Reply erase(String body) {
        return erase(token, body);
    }

    private Reply erase(String bearer, String body) {
        return api.send(Req.post("/api/v1/me/erasure").bearer(bearer).json(body));
    }

    @Test
    void anExportIsTheWholeProfileInClearEveryReservationTheKeptMessagesAndTheSessionsAsAFile() {
        String id = api.book(token, AHEAD);
        api.decide(id, new Decision.Confirmed(List.of(new ResourceId("XR-N1"))));
        api.outbox.add(new SentNotifications.Message("SMS", "+393471234567", "", "Confirmed", api.clock.instant()));
        api.outbox.add(new SentNotifications.Message("SMS", "+390000000000", "", "Someone else's", api.clock.instant()));

        Reply reply;
        try (LogCapture logs = new LogCapture()) {
            reply = export(PASSWORD_BODY);
            assertThat(logs.text()).doesNotContain("RSSMRA85T10A562S", "+393471234567", "1985-12-10", email);
        }

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Cache-Control")).contains("no-store");
        assertThat(reply.header("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).startsWith("attachment;"));
        var profile = reply.body().get("profile");
        assertThat(profile.get("email").asText()).isEqualTo(email);
        assertThat(profile.get("taxCode").asText()).isEqualTo("RSSMRA85T10A562S");
        assertThat(profile.get("phone").asText()).isEqualTo("+393471234567");
        assertThat(profile.get("dateOfBirth").asText()).isEqualTo("1985-12-10");
        assertThat(profile.get("remindTwoHoursBefore").asBoolean(true)).isFalse();
        assertThat(reply.body().get("waitlist").isArray()).isTrue();
        assertThat(reply.body().get("reservations")).singleElement().satisfies(r -> {
            assertThat(r.get("id").asText()).isEqualTo(id);
            assertThat(r.get("status").asText()).isEqualTo("CONFIRMED");
            assertThat(r.get("start").asText()).isEqualTo("2027-03-02T10:00:00+01:00");
            assertThat(r.get("site").asText()).isEqualTo("ROMA-NORD");
        });
        assertThat(reply.body().get("messagesKept").asBoolean()).isTrue();
        assertThat(reply.body().get("messages")).singleElement()
                .satisfies(m -> assertThat(m.get("text").asText()).isEqualTo("Confirmed"));
        assertThat(reply.body().get("sessions")).hasSize(2);
        assertThat(reply.rawBody()).doesNotContain(api.tokens.all().keySet().iterator().next(), "passwordHash", token);
    }

    @Test
    void aWrongPasswordIsTheLogInsAnswerAndAThrottledOneIs429() {
        Reply wrong = export("{\"password\":\"not the password\"}");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.code()).isEqualTo("invalid-credentials");
        assertThat(wrong.rawBody()).doesNotContain("RSSMRA85T10A562S");

        Reply last = wrong;
        for (int i = 0; i < 10 && last.status() != 429; i++) {
            last = erase("{\"password\":\"still not it\"}");
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.header("Retry-After")).isPresent();
        assertThat(api.patients.isErased(patient)).isFalse();
    }

    @Test
    void badInputIs400AndChangesNothing() {
        assertThat(erase("{}").code()).isEqualTo("validation-failed");
        assertThat(erase("[1]").code()).isEqualTo("malformed-json");
        assertThat(export("{\"password\":42}").status()).isEqualTo(400);
        assertThat(api.patients.find(patient)).isPresent();
        assertThat(api.patients.isErased(patient)).isFalse();
    }

    @Test
    void withoutATokenBothAre401() {
        assertThat(api.send(Req.post("/api/v1/me/export").json(PASSWORD_BODY)).status()).isEqualTo(401);
        assertThat(api.send(Req.post("/api/v1/me/erasure").json(PASSWORD_BODY)).status()).isEqualTo(401);
    }

    @Test
    void anErasureCancelsWhatIsAheadKeepsEveryReservationNamingNoOneAndFreesTheAddress() {
        String confirmed = api.book(token, AHEAD.replace("10:00", "11:00"));
        api.decide(confirmed, new Decision.Confirmed(List.of(new ResourceId("XR-N1"))));
        String pending = api.book(token, "2027-03-03T10:00:00+01:00");
        String past = api.book(token, AHEAD);
        api.decide(past, new Decision.Confirmed(List.of(new ResourceId("XR-N1"))));
        NotificationKey parkedKey = new NotificationKey(new ReservationId(confirmed), ReservationStatus.CONFIRMED,
                Channel.SMS);
        api.notifications.park(ParkedNotification.first(parkedKey, "******567", "SNS down", true, api.clock.instant(),
                Duration.ofMinutes(1)));
        api.outbox.add(new SentNotifications.Message("EMAIL", email, "Confirmed", "Dear Maria", api.clock.instant()));
        String mailed = RecipientQuota.subject(Channel.EMAIL, email);
        api.quota.admit(mailed, "confirmed", api.clock.instant(), api.clock.instant().minusSeconds(3600), 1);
        api.clock.advance(Duration.ofMinutes(26 * 60 + 30)); // 10:30 in Rome: the 10:00 booking has started
        int queued = api.queue.sent().size();
        String later = api.login(email, Api.PASSWORD).text("accessToken");

        Reply reply = erase(later, PASSWORD_BODY);

        assertThat(reply.status()).isEqualTo(204);
        assertThat(api.queue.sent().subList(queued, api.queue.sent().size()))
                .extracting(ReservationCommand::type, c -> c.reservation().value())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(ReservationCommand.Type.CANCEL, confirmed),
                        org.assertj.core.groups.Tuple.tuple(ReservationCommand.Type.CANCEL, pending));
        for (String id : List.of(confirmed, pending, past)) {
            Reservation kept = api.reservations.find(new ReservationId(id)).orElseThrow();
            assertThat(kept.patient()).isEqualTo(PatientId.ERASED);
        }
        assertThat(api.reservations.find(new ReservationId(confirmed)).orElseThrow().cancelRequestedAt()).isPresent();
        assertThat(api.reservations.find(new ReservationId(past)).orElseThrow().cancelRequestedAt()).isEmpty();
        assertThat(api.notifications.parked(parkedKey).orElseThrow().maskedRecipient())
                .isEqualTo(ParkedNotification.ERASED_RECIPIENT);
        assertThat(api.outbox.messages()).isEmpty();
        assertThat(api.quota.admit(mailed, "after", api.clock.instant(), api.clock.instant().minusSeconds(86400), 1))
                .as("the count of messages to the address is forgotten").isTrue();
        assertThat(api.tokens.sessionsOf(patient, api.clock.instant())).isEmpty();
        assertThat(api.send(Req.get("/api/v1/me").bearer(later)).status()).isEqualTo(401);
        assertThat(api.login(email, Api.PASSWORD).status()).isEqualTo(401);
        assertThat(api.send(Req.post("/api/v1/patients").json(Api.registration(email, Api.PASSWORD))).status())
                .isEqualTo(201);
    }

    @Test
    void anErasureCutShortByTheQueueIsFinishedByTheSameCallAgain() {
        String confirmed = api.book(token, AHEAD);
        api.decide(confirmed, new Decision.Confirmed(List.of(new ResourceId("XR-N1"))));
        String otherDevice = api.login(email, Api.PASSWORD).text("accessToken");
        api.queue.unavailable(true);

        Reply cutShort = erase(PASSWORD_BODY);

        assertThat(cutShort.status()).isEqualTo(503);
        assertThat(api.patients.isErased(patient)).isTrue();
        assertThat(api.send(Req.get("/api/v1/me").bearer(otherDevice)).status()).isEqualTo(401);
        assertThat(api.send(Req.get("/api/v1/me").bearer(token)).status()).isEqualTo(200);
        assertThat(api.login(email, Api.PASSWORD).status()).isEqualTo(200);
        api.queue.unavailable(false);

        assertThat(erase(PASSWORD_BODY).status()).isEqualTo(204);
        assertThat(api.queue.sent()).extracting(ReservationCommand::type).contains(ReservationCommand.Type.CANCEL);
        assertThat(api.reservations.find(new ReservationId(confirmed)).orElseThrow().patient())
                .isEqualTo(PatientId.ERASED);
        assertThat(api.patients.byEmail(new EmailAddress(email))).isEmpty();
    }
}
