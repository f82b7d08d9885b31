package com.medicarewizard.intake;

import com.medicarewizard.intake.auth.Digests;
import com.medicarewizard.intake.fakes.Api;
import com.medicarewizard.intake.fakes.Reply;
import com.medicarewizard.intake.fakes.Req;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class AuthRoutesTest {
    private final Api api = new Api();

    @Test
    void issuesAnOpaqueBearerTokenStoredOnlyAsItsHash() {
        String email = api.registerPatient();

        Reply reply = api.login(email, Api.PASSWORD);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text("tokenType")).isEqualTo("Bearer");
        assertThat(reply.body().get("expiresIn").asLong()).isEqualTo(3600);
        String token = reply.text("accessToken");
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(api.tokens.all()).containsOnlyKeys(Digests.sha256Hex(token));
        assertThat(api.tokens.all().values().iterator().next().expiresAt()).isEqualTo(api.clock.instant().plusSeconds(3600));
        assertThat(reply.header("Cache-Control")).contains("no-store");
    }

    @Test
    void unknownEmailAndWrongPasswordGetTheSameAnswer() {
        String email = api.registerPatient();

        Reply wrong = api.send(loginRequest(email, "not the password").requestId("r-1"));
        Reply unknown = api.send(loginRequest("nobody@example.org", Api.PASSWORD).requestId("r-1"));
        Reply notAnAddress = api.send(loginRequest("nobody", Api.PASSWORD).requestId("r-1"));

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.code()).isEqualTo("invalid-credentials");
        assertThat(unknown.rawBody()).isEqualTo(wrong.rawBody());
        assertThat(notAnAddress.rawBody()).isEqualTo(wrong.rawBody());
        assertThat(unknown.headers()).isEqualTo(wrong.headers());
        assertThat(api.tokens.all()).isEmpty();
    }

    @Test
    void fiveFailuresForAnAccountThrottleItWithRetryAfterEvenForTheRightPassword() {
        String email = api.registerPatient();
        for (int i = 0; i < 5; i++) {
            assertThat(api.send(loginRequest(email, "wrong guess " + i).from("198.51.100." + i)).status()).isEqualTo(401);
            api.clock.advance(Duration.ofMinutes(1));
        }

        Reply throttled = api.login(email, Api.PASSWORD);

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.code()).isEqualTo("too-many-attempts");
        // the first failure was 5 minutes ago and leaves the 15-minute window in 10 minutes
        assertThat(throttled.header("Retry-After")).contains("600");
        assertThat(api.tokens.all()).isEmpty();
        assertThat(api.attempts.snapshot().get("account:" + Digests.sha256Hex(email))).hasSize(5);
    }

    @Test
    void theThrottleLiftsWhenTheOldestFailureLeavesTheWindow() {
        String email = api.registerPatient();
        for (int i = 0; i < 5; i++) {
            api.login(email, "wrong guess " + i);
        }
        api.clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertThat(api.login(email, Api.PASSWORD).header("Retry-After")).contains("1");

        api.clock.advance(Duration.ofSeconds(1));

        assertThat(api.login(email, Api.PASSWORD).status()).isEqualTo(200);
        assertThat(api.attempts.snapshot()).doesNotContainKey("account:" + Digests.sha256Hex(email));
    }

    @Test
    void aSuccessClearsTheAccountsFailures() {
        String email = api.registerPatient();
        for (int i = 0; i < 4; i++) {
            api.login(email, "wrong guess " + i);
        }
        assertThat(api.login(email, Api.PASSWORD).status()).isEqualTo(200);

        for (int i = 0; i < 4; i++) {
            api.login(email, "wrong again " + i);
        }

        assertThat(api.login(email, Api.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void twentyFailuresFromOneAddressThrottleEveryAccountFromIt() {
        for (int i = 0; i < 20; i++) {
            api.send(loginRequest("guess" + i + "@example.org", "some password").from("192.0.2.9"));
        }
        String email = api.registerPatient();

        Reply fromThatAddress = api.send(loginRequest(email, Api.PASSWORD).from("192.0.2.9"));
        Reply fromElsewhere = api.send(loginRequest(email, Api.PASSWORD).from("192.0.2.10"));

        assertThat(fromThatAddress.status()).isEqualTo(429);
        assertThat(fromThatAddress.header("Retry-After")).contains("900");
        assertThat(fromElsewhere.status()).isEqualTo(200);
    }

    @Test
    void logoutRevokesTheToken() {
        String token = api.patientToken();

        Reply logout = api.send(Req.post("/api/v1/auth/logout").bearer(token));

        assertThat(logout.status()).isEqualTo(204);
        assertThat(logout.rawBody()).isNull();
        assertThat(api.tokens.all()).isEmpty();
        assertThat(api.send(Req.get("/api/v1/me").bearer(token)).status()).isEqualTo(401);
        assertThat(api.send(Req.post("/api/v1/auth/logout").bearer(token)).status()).isEqualTo(401);
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = api.patientToken();
        api.clock.advance(Duration.ofHours(1));

        Reply reply = api.send(Req.get("/api/v1/reservations").bearer(token));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.code()).isEqualTo("unauthorized");
    }

    @Test
    void missingMalformedAndUnknownTokensGetOneAnswer() {
        api.patientToken();
        Reply none = api.send(Req.get("/api/v1/me").requestId("same"));
        Reply basic = api.send(Req.get("/api/v1/me").header("Authorization", "Basic dXNlcjpwYXNz").requestId("same"));
        Reply unknown = api.send(Req.get("/api/v1/me").bearer("x".repeat(43)).requestId("same"));
        Reply huge = api.send(Req.get("/api/v1/me").bearer("x".repeat(100_000)).requestId("same"));

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).contains("Bearer");
        assertThat(basic.rawBody()).isEqualTo(none.rawBody());
        assertThat(unknown.rawBody()).isEqualTo(none.rawBody());
        assertThat(huge.rawBody()).isEqualTo(none.rawBody());
    }

    @Test
    void theBearerSchemeAndHeaderNameAreCaseInsensitive() {
        String token = api.patientToken();

        Reply reply = api.send(Req.get("/api/v1/me").header("authorization", "bearer " + token));

        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void credentialsOfTheWrongTypeAre400AndRecordNoFailure() {
        Reply reply = api.send(Req.post("/api/v1/auth/token").json("{\"email\":[\"a@example.org\"],\"password\":12345678901234}"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().get("errors")).extracting(e -> e.get("message").asText())
                .containsOnly("must be a string");
        assertThat(api.attempts.snapshot()).isEmpty();
    }

    private static Req loginRequest(String email, String password) {
        return Req.post("/api/v1/auth/token").json("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }
}
