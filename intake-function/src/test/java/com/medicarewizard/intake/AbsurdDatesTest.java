package com.medicarewizard.intake;

import com.medicarewizard.intake.fakes.Api;
import com.medicarewizard.intake.fakes.LogCapture;
import com.medicarewizard.intake.fakes.Reply;
import com.medicarewizard.intake.fakes.Req;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dates and times that {@code java.time} can hold but no calendar of the center can (years of nine
 * digits, a sign): a 400 naming the field, and nothing at ERROR in the log — a client's typo is not
 * an incident for the operators.
 */
class AbsurdDatesTest {
    private final Api api = new Api();

    @ParameterizedTest(name = "from=to={0}")
    @ValueSource(strings = {"+999999999-12-31", "-999999999-01-01", "+10000-01-01", "+2027-03-02", "-0001-01-01",
        "99999-01-01", "2027-03-02T10:00"})
    void anAbsurdAvailabilityDayIs400AndNotAnError(String day) {
        try (var logs = new LogCapture()) {
            Reply reply = api.send(Req.get("/api/v1/availability").query("examType", "XRAY-CHEST")
                    .query("from", day).query("to", day));

            assertThat(reply.status()).as("%s", reply.rawBody()).isEqualTo(400);
            assertThat(reply.header("Content-Type")).contains("application/problem+json");
            assertThat(reply.code()).isEqualTo("validation-failed");
            assertThat(reply.body().get("errors")).extracting(e -> e.get("field").asText()).contains("from", "to");
            assertThat(logs.text()).doesNotContain("ERROR", "Exception");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"+999999999-12-31T23:59:59-18:00", "-999999999-01-01T00:00:00+18:00",
        "+10000-01-01T10:00:00+01:00", "+2027-03-02T10:00:00+01:00"})
    void anAbsurdStartIs400AndChangesNothing(String start) {
        String token = api.patientToken();
        try (var logs = new LogCapture()) {
            Reply reply = api.send(Req.post("/api/v1/reservations").bearer(token)
                    .json("{\"examType\":\"XRAY-CHEST\",\"start\":\"" + start + "\"}"));

            assertThat(reply.status()).as("%s", reply.rawBody()).isEqualTo(400);
            assertThat(reply.code()).isEqualTo("validation-failed");
            assertThat(reply.body().get("errors")).extracting(e -> e.get("field").asText()).containsExactly("start");
            assertThat(api.reservations.snapshot()).isEmpty();
            assertThat(api.queue.sent()).isEmpty();
            assertThat(logs.text()).doesNotContain("ERROR", "Exception");
        }
    }
}
