package com.medicarewizard.intake;

import com.medicarewizard.intake.auth.BcryptPasswordHasher;
import com.medicarewizard.intake.fakes.Api;
import com.medicarewizard.port.fakes.InMemoryRateLimits;
import com.medicarewizard.port.fakes.InMemoryPatients;
import com.medicarewizard.port.fakes.InMemoryReservationQueue;
import com.medicarewizard.port.fakes.InMemoryReservations;
import com.medicarewizard.port.fakes.InMemorySlotLedger;
import com.medicarewizard.intake.fakes.FakeTokens;
import com.medicarewizard.intake.fakes.LogCapture;
import com.medicarewizard.intake.fakes.Reply;
import com.medicarewizard.intake.fakes.Req;
import com.medicarewizard.intake.fakes.TestCenter;
import com.medicarewizard.intake.fakes.TestContext;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** Logs carry ids, never personal data. */
class LoggingTest {

    @Test
    void requestsAreLoggedWithTheirIdsAndNoPersonalData() {
        Api api = new Api();
        try (var logs = new LogCapture()) {
            api.send(Req.post("/api/v1/patients").requestId("req-reg")
                    .json(Api.registration("chiara.verdi@example.org", Api.PASSWORD)));
            String token = api.login("chiara.verdi@example.org", Api.PASSWORD).text("accessToken");
            api.send(Req.post("/api/v1/reservations").bearer(token).header("X-Correlation-Id", "corr-42")
                    .json("{\"examType\":\"XRAY-CHEST\",\"start\":\"2027-03-02T10:00:00+01:00\"}"));

            assertThat(logs.text()).contains("[req-reg req-reg] patient", "corr-42] reservation")
                    .doesNotContain("chiara", "RSSMRA85T10A562S", "+393471234567", "1985-12-10", Api.PASSWORD, token);
        }
    }

    @Test
    void anUnexpectedFailureIsLoggedWithoutItsMessage() {
        var failing = new Intake(() -> {
            throw new IllegalStateException("lookup failed for maria@example.org", new RuntimeException("RSSMRA85T10A562S"));
        }, new InMemorySlotLedger(), new InMemoryReservations(), new InMemoryReservationQueue(),
                new InMemoryPatients(), new FakeTokens(), new InMemoryRateLimits(), StreamPosition.NONE,
                new BcryptPasswordHasher(4), IntakeConfig.defaults(),
                Clock.fixed(TestCenter.NOW, TestCenter.ROME));
        try (var logs = new LogCapture()) {
            Reply reply = Reply.of(new ApiHandler(failing)
                    .handleRequest(Req.get("/api/v1/exam-types").requestId("req-500").event(), new TestContext()));

            assertThat(reply.status()).isEqualTo(500);
            assertThat(logs.text()).contains("req-500", "java.lang.IllegalStateException", "java.lang.RuntimeException")
                    .doesNotContain("maria@example.org", "RSSMRA85T10A562S");
        }
    }
}
