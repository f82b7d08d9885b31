package com.medicarewizard.intake;

import com.medicarewizard.intake.fakes.Api;
import com.medicarewizard.port.fakes.InMemoryRateLimits;
import com.medicarewizard.port.fakes.InMemoryPatients;
import com.medicarewizard.port.fakes.InMemoryReservationQueue;
import com.medicarewizard.port.fakes.InMemoryReservations;
import com.medicarewizard.port.fakes.InMemorySlotLedger;
import com.medicarewizard.intake.fakes.FakeTokens;
import com.medicarewizard.intake.fakes.Reply;
import com.medicarewizard.intake.fakes.Req;
import com.medicarewizard.intake.fakes.TestContext;
import com.medicarewizard.intake.fakes.TestCenter;
import com.medicarewizard.intake.auth.BcryptPasswordHasher;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingTest {
    private final Api api = new Api();

    @Test
    void anUnknownResourceIs404() {
        Reply reply = api.send(Req.get("/api/v1/nothing-here"));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.code()).isEqualTo("not-found");
    }

    @Test
    void anUnknownMethodIs405WithAllow() {
        Reply reply = api.send(Req.of("PUT", "/api/v1/reservations"));

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.header("Allow")).contains("GET, POST");
    }

    @Test
    void everyProblemCarriesTheRfc9457FieldsAndTheRequestId() {
        Reply reply = api.send(Req.get("/api/v1/me").requestId("req-123"));

        assertThat(reply.body().fieldNames()).toIterable()
                .containsExactly("type", "title", "status", "detail", "instance", "code");
        assertThat(reply.body().get("status").asInt()).isEqualTo(401);
        assertThat(reply.text("instance")).isEqualTo("urn:request:req-123");
    }

    @Test
    void anUnexpectedFailureIsAGeneric500() {
        var failing = new Intake(() -> {
            throw new IllegalStateException("catalogue table unreachable at 10.0.0.1 for maria@example.org");
        }, new InMemorySlotLedger(), new InMemoryReservations(), new InMemoryReservationQueue(),
                new InMemoryPatients(), new FakeTokens(), new InMemoryRateLimits(), StreamPosition.NONE,
                new BcryptPasswordHasher(4), IntakeConfig.defaults(),
                Clock.fixed(TestCenter.NOW, TestCenter.ROME));

        Reply reply = Reply.of(new ApiHandler(failing).handleRequest(Req.get("/api/v1/exam-types").event(), new TestContext()));

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.code()).isEqualTo("internal-error");
        assertThat(reply.rawBody()).doesNotContain("maria", "10.0.0.1", "IllegalState");
    }

    @Test
    void anEmptyEventIs404NotAFailure() {
        Reply reply = Reply.of(api.handler().handleRequest(null, new TestContext()));

        assertThat(reply.status()).isEqualTo(404);
    }
}
