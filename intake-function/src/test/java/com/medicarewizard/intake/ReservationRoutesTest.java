package com.medicarewizard.intake;

import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.intake.fakes.Api;
import com.medicarewizard.intake.fakes.Reply;
import com.medicarewizard.intake.fakes.Req;
import com.medicarewizard.port.ReservationCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ReservationRoutesTest {
    private final Api api = new Api();
    private final String token = api.patientToken();

    @Test
    void acceptsARequestAsPendingQueuesItAndAnswers202WithLocation() {
        Reply reply = api.send(reserve("XRAY-CHEST", "2027-03-02T10:00:00+01:00", "ROMA-SUD")
                .header("X-Correlation-Id", "web-1234"));

        assertThat(reply.status()).isEqualTo(202);
        String id = reply.text("id");
        assertThat(reply.text("status")).isEqualTo("PENDING");
        assertThat(reply.text("examType")).isEqualTo("XRAY-CHEST");
        assertThat(reply.text("start")).isEqualTo("2027-03-02T10:00:00+01:00");
        assertThat(reply.text("site")).isEqualTo("ROMA-SUD");
        assertThat(reply.header("Location")).contains("/api/v1/reservations/" + id);
        assertThat(reply.header("Cache-Control")).contains("no-store");
        var stored = api.reservations.find(new ReservationId(id)).orElseThrow();
        assertThat(stored.status()).isEqualTo(ReservationStatus.PENDING);
        assertThat(stored.end()).isEqualTo(Instant.parse("2027-03-02T09:15:00Z"));
        assertThat(stored.correlationId()).isEqualTo("web-1234");
        assertThat(api.queue.sent()).containsExactly(
                new ReservationCommand(ReservationCommand.Type.DECIDE, stored.id(), "web-1234"));
    }

    @Test
    void anyOffsetNamesTheSameInstantAndTheAnswerUsesTheSitesOffset() {
        Reply reply = api.send(reserve("XRAY-CHEST", "2027-03-02T09:00:00Z", "ROMA-SUD"));

        assertThat(reply.text("start")).isEqualTo("2027-03-02T10:00:00+01:00");
    }

    @Test
    void withoutASiteTheFirstSiteWhereTheStartIsOpenIsChosen() {
        Reply usual = api.send(reserve("XRAY-CHEST", "2027-03-02T10:00:00+01:00", null));
        Reply onClosure = api.send(reserve("XRAY-CHEST", "2027-03-10T10:00:00+01:00", null));
        Reply onlySud = api.send(reserve("ECG", "2027-03-02T10:00:00+01:00", null));

        assertThat(usual.text("site")).isEqualTo("ROMA-NORD");
        assertThat(onClosure.text("site")).isEqualTo("ROMA-SUD");
        assertThat(onlySud.text("site")).isEqualTo("ROMA-SUD");
    }

    @Test
    void aMalformedCorrelationIdIsReplacedByTheRequestId() {
        Reply reply = api.send(reserve("XRAY-CHEST", "2027-03-02T10:00:00+01:00", null)
                .header("X-Correlation-Id", "bad id with spaces").requestId("gw-req-77"));

        var stored = api.reservations.find(new ReservationId(reply.text("id"))).orElseThrow();
        assertThat(stored.correlationId()).isEqualTo("gw-req-77");
        assertThat(reply.header("X-Correlation-Id")).contains("gw-req-77");
    }

    @Test
    void theSameIdempotencyKeyAndPayloadAnswersTheSameReservation() {
        Reply first = api.send(reserve("XRAY-CHEST", "2027-03-02T10:00:00+01:00", null).header("Idempotency-Key", "k-1"));
        Reply again = api.send(reserve("XRAY-CHEST", "2027-03-02T10:00:00+01:00", null).header("idempotency-key", "k-1"));

        assertThat(again.status()).isEqualTo(202);
        assertThat(again.text("id")).isEqualTo(first.text("id"));
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(api.reservations.snapshot()).hasSize(1);
        assertThat(api.queue.sent()).hasSize(1);
    }

    @Test
    void theSameKeyWithAnotherPayloadIs422() {
        api.send(reserve("XRAY-CHEST", "2027-03-02T10:00:00+01:00", null).header("Idempotency-Key", "k-1"));

        Reply reused = api.send(reserve("XRAY-CHEST", "2027-03-02T10:15:00+01:00", null).header("Idempotency-Key", "k-1"));

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.code()).isEqualTo("idempotency-key-reused");
        assertThat(api.reservations.snapshot()).hasSize(1);
    }

    @Test
    void anotherPatientsSameKeyIsTheirOwn() {
        api.send(reserve("XRAY-CHEST", "2027-03-02T10:00:00+01:00", null).header("Idempotency-Key", "k-1"));
        String other = api.patientToken();

        Reply theirs = api.send(reserve("XRAY-CHEST", "2027-03-02T10:00:00+01:00", null)
                .bearer(other).header("Idempotency-Key", "k-1"));

        assertThat(theirs.status()).isEqualTo(202);
        assertThat(api.reservations.snapshot()).hasSize(2);
    }

    @Test
    void aQueueOutageStillAnswers202AndKeepsThePendingRecord() {
        api.queue.unavailable(true);

        Reply reply = api.send(reserve("XRAY-CHEST", "2027-03-02T10:00:00+01:00", null));

        assertThat(reply.status()).isEqualTo(202);
        assertThat(api.reservations.pendingSince(Instant.MAX, 10)).hasSize(1);
        assertThat(api.queue.sent()).isEmpty();
    }

    /** Issue 13, abuse limits: one account could send requests without end. */
    @Test
    void aPatientMakesAtMostTwentyRequestsAMinute() {
        for (int i = 0; i < 20; i++) {
            assertThat(api.send(reserve("XRAY-CHEST", "2027-03-02T10:00:00+01:00", null)).status()).isEqualTo(202);
        }

        Reply refused = api.send(reserve("XRAY-CHEST", "2027-03-02T10:00:00+01:00", null));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("too-many-reservation-requests");
        assertThat(refused.header("Retry-After")).contains("60");
        assertThat(api.reservations.snapshot()).hasSize(20);
        assertThat(api.queue.sent()).hasSize(20);
        assertThat(api.send(reserve("XRAY-CHEST", "2027-03-02T10:00:00+01:00", null).bearer(api.patientToken()))
                .status()).isEqualTo(202);
        api.clock.advance(java.time.Duration.ofMinutes(1));
        assertThat(api.send(reserve("XRAY-CHEST", "2027-03-02T10:00:00+01:00", null)).status()).isEqualTo(202);
    }

    @Test
    void theRequestLimitIsConfigurable() {
        Api strict = new Api(IntakeConfig.fromEnvironment(java.util.Map.of("MCW_RESERVATION_REQUESTS_PER_MINUTE", "2")));
        Req request = Req.post("/api/v1/reservations").bearer(strict.patientToken())
                .json("{\"examType\":\"XRAY-CHEST\",\"start\":\"2027-03-02T10:00:00+01:00\"}");

        assertThat(strict.send(request).status()).isEqualTo(202);
        assertThat(strict.send(request).status()).isEqualTo(202);
        assertThat(strict.send(request).status()).isEqualTo(429);
    }

    @ParameterizedTest(name = "{0} at {1} site {2} -> {3}")
    @CsvSource(nullValues = "null", value = {
        "XRAY-CHEST, 2027-03-01T09:30:00+01:00, null, too-soon",
        "XRAY-CHEST, 2027-02-01T10:00:00+01:00, null, too-soon",
        "XRAY-CHEST, 2027-03-02T10:07:00+01:00, null, off-grid",
        "XRAY-CHEST, 2027-03-02T10:00:30+01:00, null, off-grid",
        "XRAY-CHEST, 2027-03-02T10:00:00.5+01:00, null, off-grid",
        "XRAY-CHEST, 2028-06-01T10:00:00+02:00, null, beyond-horizon",
        "NO-SUCH-EXAM, 2027-03-02T10:00:00+01:00, null, unknown-exam-type",
        "XRAY-CHEST, 2027-03-02T10:00:00+01:00, ROMA-EST, unknown-site",
        "ECG, 2027-03-02T10:00:00+01:00, ROMA-NORD, not-offered",
        "CT-HEAD, 2027-03-02T10:00:00+01:00, null, not-offered",
        "XRAY-CHEST, 2027-03-10T10:00:00+01:00, ROMA-NORD, closed",
        "XRAY-CHEST, 2027-03-07T10:00:00+01:00, null, closed",
        "XRAY-CHEST, 2027-03-02T13:00:00+01:00, null, closed",
    })
    void requestsThatCanNeverSucceedAre422AndChangeNothing(String exam, String start, String site, String code) {
        Reply reply = api.send(reserve(exam, start, site));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.header("Content-Type")).contains("application/problem+json");
        assertThat(reply.code()).isEqualTo(code);
        assertThat(reply.text("type")).isEqualTo("/problems/" + code);
        assertThat(api.reservations.snapshot()).isEmpty();
        assertThat(api.queue.sent()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"examType\":\"XRAY-CHEST\",\"start\":\"2027-03-02T10:00:00\"}|start",
        "{\"examType\":\"XRAY-CHEST\",\"start\":\"tomorrow\"}|start",
        "{\"examType\":\"XRAY-CHEST\",\"start\":1804064400}|start",
        "{\"examType\":\"XRAY-CHEST\"}|start",
        "{\"start\":\"2027-03-02T10:00:00+01:00\"}|examType",
        "{\"examType\":\"xray chest\",\"start\":\"2027-03-02T10:00:00+01:00\"}|examType",
        "{\"examType\":{\"code\":\"XRAY-CHEST\"},\"start\":\"2027-03-02T10:00:00+01:00\"}|examType",
        "{\"examType\":\"XRAY-CHEST\",\"start\":\"2027-03-02T10:00:00+01:00\",\"site\":7}|site",
        "{\"examType\":\"XRAY-CHEST\",\"start\":\"2027-03-02T10:00:00+01:00\",\"site\":\"\"}|site",
    })
    void malformedRequestsAre400NamingTheField(String body, String field) {
        Reply reply = api.send(Req.post("/api/v1/reservations").bearer(token).json(body));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("validation-failed");
        assertThat(reply.body().get("errors")).extracting(e -> e.get("field").asText()).containsExactly(field);
        assertThat(api.reservations.snapshot()).isEmpty();
    }

    @Test
    void badIdempotencyKeysAre400() {
        for (String key : new String[] {"k".repeat(129), "tab\tkey", "   ", "chiave-è"}) {
            Reply reply = api.send(reserve("XRAY-CHEST", "2027-03-02T10:00:00+01:00", null).header("Idempotency-Key", key));

            assertThat(reply.status()).as(key).isEqualTo(400);
            assertThat(reply.body().get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
        }
        assertThat(api.reservations.snapshot()).isEmpty();
    }

    @Test
    void anUnauthenticatedRequestIs401AndChangesNothing() {
        Reply reply = api.send(Req.post("/api/v1/reservations")
                .json("{\"examType\":\"XRAY-CHEST\",\"start\":\"2027-03-02T10:00:00+01:00\"}"));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(api.reservations.snapshot()).isEmpty();
        assertThat(api.queue.sent()).isEmpty();
    }

    private Req reserve(String exam, String start, String site) {
        String siteField = site == null ? "" : ",\"site\":\"" + site + "\"";
        return Req.post("/api/v1/reservations").bearer(token)
                .json("{\"examType\":\"" + exam + "\",\"start\":\"" + start + "\"" + siteField + "}");
    }
}
