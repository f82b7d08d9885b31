package com.medicarewizard.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.domain.notification.Channel;
import com.medicarewizard.domain.notification.NotificationKey;
import com.medicarewizard.domain.notification.ParkedNotification;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.intake.fakes.Api;
import com.medicarewizard.intake.fakes.Reply;
import com.medicarewizard.intake.fakes.Req;
import com.medicarewizard.port.DeadLetters.DeadLetter;
import com.medicarewizard.port.MessageFailures.MessageFailure;
import com.medicarewizard.port.SentNotifications;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The operators' repair routes: dead letters, parked notifications and the outbox, behind the ops token. */
class OperatorRoutesTest {
    private static final String OPS_TOKEN = "ops-secret-0123456789abcdef";
    private final Api api = new Api(IntakeConfig.fromEnvironment(Map.of("MCW_OPS_TOKEN", OPS_TOKEN)));
    private final Instant now = api.clock.instant();

    static Stream<Req> operatorRoutes() {
        return Stream.of(Req.get("/api/v1/ops/dead-letters"), Req.post("/api/v1/ops/dead-letters/redrive"),
                Req.get("/api/v1/ops/notifications/parked"),
                Req.post("/api/v1/ops/notifications/parked/{id}/retry").path("id", key().id()),
                Req.get("/api/v1/ops/outbox"));
    }

    @ParameterizedTest
    @MethodSource("operatorRoutes")
    void eachRouteRefusesARequestWithoutTheOperatorsToken(Req route) {
        api.deadLetters.add(new DeadLetter("m-1", Optional.empty(), 3, now));
        assertThat(api.send(route).status()).isEqualTo(401);
        assertThat(api.send(route.bearer("ops-secret-0123456789abcdeX")).status()).isEqualTo(403);
        assertThat(api.send(route.bearer(api.patientToken())).status()).isEqualTo(403);
        assertThat(api.deadLetters.list(10)).hasSize(1);
    }

    @Test
    void listsDeadLettersWithTheirRecordedReasonAndLeavesThemThere() {
        ReservationId reservation = ReservationId.random();
        api.deadLetters.add(new DeadLetter("m-1", Optional.of(reservation), 3, now.minusSeconds(60)));
        api.deadLetters.add(new DeadLetter("m-2", Optional.empty(), 4, now.minusSeconds(30)));
        api.failures.record(new MessageFailure("m-1", Optional.of(reservation), "catalog unavailable", 5, now));

        Reply reply = api.send(ops(Req.get("/api/v1/ops/dead-letters")));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).hasSize(2);
        assertThat(reply.body().get(0).get("reservationId").asText()).isEqualTo(reservation.value());
        assertThat(reply.body().get(0).get("reason").asText()).isEqualTo("catalog unavailable");
        assertThat(reply.body().get(0).get("receiveCount").asInt()).isEqualTo(5);
        assertThat(reply.body().get(1).has("reason")).isFalse();
        assertThat(api.deadLetters.list(10)).hasSize(2);
    }

    @Test
    void redriveStartsMovingTheDeadLettersBackAndSaysWhatItStarted() {
        api.deadLetters.add(new DeadLetter("m-1", Optional.empty(), 3, now));
        api.deadLetters.add(new DeadLetter("m-2", Optional.empty(), 3, now));

        Reply reply = api.send(ops(Req.post("/api/v1/ops/dead-letters/redrive")));

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.body().get("redriven").asInt()).isEqualTo(2);
        assertThat(reply.body().get("started").asBoolean()).isTrue();
        assertThat(reply.text("task")).isEqualTo("task-2");
        assertThat(api.deadLetters.list(10)).isEmpty();
        assertThat(api.deadLetters.redriven()).extracting(DeadLetter::messageId).containsExactly("m-1", "m-2");
    }

    @Test
    void aRedriveOfNothingSaysNothingWasStarted() {
        Reply reply = api.send(ops(Req.post("/api/v1/ops/dead-letters/redrive")));

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.body().get("redriven").asInt()).isZero();
        assertThat(reply.body().get("started").asBoolean()).isFalse();
        assertThat(reply.body().has("task")).isFalse();
    }

    @Test
    void listsParkedNotificationsMaskedAndRetriesOneNow() {
        NotificationKey key = key();
        api.notifications.park(parked(key));

        Reply list = api.send(ops(Req.get("/api/v1/ops/notifications/parked")));
        Reply retry = api.send(ops(Req.post("/api/v1/ops/notifications/parked/{id}/retry").path("id", key.id())));

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().get(0).get("id").asText()).isEqualTo(key.id());
        assertThat(list.body().get(0).get("recipient").asText()).isEqualTo("m***@example.org");
        assertThat(list.body().get(0).get("retryable").asBoolean()).isFalse();
        assertThat(retry.status()).isEqualTo(202);
        assertThat(api.notifications.due(now, 10)).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo(key);
            assertThat(p.attempts()).isEqualTo(1);
        });
    }

    @Test
    void retryingANotificationThatIsNotParkedIsNotFound() {
        Reply reply = api.send(ops(Req.post("/api/v1/ops/notifications/parked/{id}/retry").path("id", key().id())));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.code()).isEqualTo("not-found");
    }

    @Test
    void retryingSomethingThatCannotBeANotificationIdIsAProblemAndChangesNothing() {
        NotificationKey key = key();
        ParkedNotification parked = parked(key);
        api.notifications.park(parked);

        for (String id : List.of("not-a-key", key.reservation().value() + ".PENDING.EMAIL",
                key.reservation().value() + ".CONFIRMED.FAX", key.id() + "x")) {
            Reply reply = api.send(ops(Req.post("/api/v1/ops/notifications/parked/{id}/retry").path("id", id)));
            assertThat(reply.status()).as(id).isEqualTo(404);
            assertThat(reply.header("Content-Type")).contains("application/problem+json");
        }
        assertThat(api.notifications.parked(key)).contains(parked);
    }

    @Test
    void showsTheLatestOutboxEntriesNewestFirst() {
        api.outbox.add(new SentNotifications.Entry("o-1", "EMAIL", "m***@example.org", "Confirmed", now, "outbox"));
        api.outbox.add(new SentNotifications.Entry("o-2", "SMS", "+39******567", "SMS", now, "outbox"));

        Reply reply = api.send(ops(Req.get("/api/v1/ops/outbox")));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).extracting(e -> e.get("id").asText()).containsExactly("o-2", "o-1");
    }

    private static Req ops(Req request) {
        return request.bearer(OPS_TOKEN);
    }

    private static NotificationKey key() {
        return new NotificationKey(ReservationId.random(), ReservationStatus.CONFIRMED, Channel.EMAIL);
    }

    private ParkedNotification parked(NotificationKey key) {
        return ParkedNotification.first(key, "m***@example.org", "recipient refused", false, now.minusSeconds(60),
                Duration.ofSeconds(30));
    }
}
