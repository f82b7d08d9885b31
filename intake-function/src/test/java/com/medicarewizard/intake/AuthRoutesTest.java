package com.medicarewizard.intake;

import com.medicarewizard.intake.auth.Digests;
import com.medicarewizard.intake.auth.PasswordHasher;
import com.medicarewizard.intake.fakes.Api;
import com.medicarewizard.intake.fakes.Reply;
import com.medicarewizard.intake.fakes.Req;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

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
        assertThat(api.tokens.all()).containsKey(Digests.sha256Hex(token)).hasSize(2);
        assertThat(api.tokens.all().get(Digests.sha256Hex(token)).expiresAt()).isEqualTo(api.clock.instant().plusSeconds(3600));
        assertThat(reply.header("Cache-Control")).contains("no-store");
    }

    @Test
    void aCorrectLogInGivesADeviceTokenThatIsNoBearerToken() {
        String email = api.registerPatient();

        String device = api.login(email, Api.PASSWORD).text("deviceToken");

        assertThat(device).matches("[A-Za-z0-9_-]{43}");
        assertThat(api.send(Req.get("/api/v1/me").bearer(device)).status()).isEqualTo(401);
        // its stored hash is sha256("device:" + token): that string as a bearer token must not find it
        assertThat(api.send(Req.get("/api/v1/me").bearer("device:" + device)).status()).isEqualTo(401);
        assertThat(api.send(loginRequest(email, Api.PASSWORD, device)).text("deviceToken")).isEqualTo(device);
    }

    @Test
    void unknownEmailAndWrongPasswordGetTheSameAnswer() {
        String email = api.registerPatient();

        Reply wrong = api.send(loginRequest(email, "not the password").requestId("r-1"));
        Reply unknown = api.send(loginRequest("nobody@example.org", Api.PASSWORD).requestId("r-1"));

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.code()).isEqualTo("invalid-credentials");
        assertThat(unknown.rawBody()).isEqualTo(wrong.rawBody());
        assertThat(unknown.headers()).isEqualTo(wrong.headers());
        assertThat(api.tokens.all()).isEmpty();
    }

    @Test
    void anAddressThatIsNoMailboxIsInvalidInputAndCountsAgainstNothing() {
        for (String notAMailbox : new String[] {"nobody", "<script>@example.test", "a,b@example.org", "\\u0000a@example.org"}) {
            Reply reply = api.send(loginRequest(notAMailbox, Api.PASSWORD));

            assertThat(reply.status()).as(notAMailbox).isEqualTo(400);
            assertThat(reply.body().get("errors").get(0).get("field").asText()).isEqualTo("email");
        }
        assertThat(api.limits.used()).isEmpty();
    }

    /** Issue 13, row 1: the throttle and the look-up read the address differently. */
    @Test
    void aControlCharacterBeforeTheAddressNeitherDodgesTheThrottleNorLogsIn() {
        String email = api.registerPatient();
        for (int i = 0; i < 5; i++) {
            assertThat(api.login(email, "wrong guess " + i).status()).isEqualTo(401);
        }

        Reply dodge = api.send(loginRequest("\\u0003" + email, Api.PASSWORD));
        Reply spaced = api.send(loginRequest(" " + email.toUpperCase() + " ", Api.PASSWORD));

        assertThat(dodge.status()).isEqualTo(400);
        assertThat(spaced.status()).isEqualTo(429);
        assertThat(api.tokens.all()).isEmpty();
    }

    /** Issue 13, row 2: every attempt was checked, the throttle counted only afterwards. */
    @Test
    void parallelAttemptsOnAFreshAccountAreNotAllChecked() throws Exception {
        String email = api.registerPatient();
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 41; i++) {
            String password = i == 40 ? Api.PASSWORD : "wrong guess " + i;
            attempts.add(() -> api.login(email, password).status());
        }

        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(41)) {
            for (var answer : pool.invokeAll(attempts)) {
                statuses.add(answer.get());
            }
        }

        assertThat(statuses).filteredOn(status -> status != 429).hasSize(5);
        assertThat(statuses).isSubsetOf(401, 429, 200);
    }

    @Test
    void failuresSlowAnAccountDownWithGrowingWaitsInsteadOfLockingIt() {
        String email = api.registerPatient();
        for (int i = 0; i < 5; i++) {
            assertThat(api.send(loginRequest(email, "wrong guess " + i).from("198.51.100." + i)).status()).isEqualTo(401);
        }
        for (int wait : new int[] {1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300}) {
            Reply early = api.login(email, Api.PASSWORD);
            assertThat(early.status()).isEqualTo(429);
            assertThat(early.code()).isEqualTo("too-many-attempts");
            assertThat(early.header("Retry-After")).contains(Integer.toString(wait));
            api.clock.advance(Duration.ofSeconds(wait));
            assertThat(api.login(email, "wrong again").status()).isEqualTo(401);
        }
        assertThat(api.tokens.all()).isEmpty();
        api.clock.advance(Duration.ofSeconds(300));

        assertThat(api.login(email, Api.PASSWORD).status()).isEqualTo(200);
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

    /** Issue 13, row 3: 20 failures from one address locked out everyone behind it, 5 locked any account. */
    @Test
    void othersFailuresNeverHoldUpAPatientLoggingInFromHerDevice() {
        String email = api.registerPatient();
        String device = api.send(loginRequest(email, Api.PASSWORD).from("127.0.0.1")).text("deviceToken");
        for (int i = 0; i < 20; i++) {
            api.send(loginRequest("guess" + i + "@example.org", "some password").from("127.0.0.1"));
            api.send(loginRequest(email, "some password " + i).from("127.0.0.1"));
        }
        assertThat(api.send(loginRequest(email, Api.PASSWORD).from("127.0.0.1")).status()).isEqualTo(429);

        Reply fromHerDevice = api.send(loginRequest(email, Api.PASSWORD, device).from("127.0.0.1"));

        assertThat(fromHerDevice.status()).isEqualTo(200);
    }

    @Test
    void aDeviceTokenOfAnotherAccountOrAGuessedOneExemptsNothing() {
        String victim = api.registerPatient();
        String attacker = api.registerPatient();
        String attackersDevice = api.login(attacker, Api.PASSWORD).text("deviceToken");
        for (int i = 0; i < 5; i++) {
            api.login(victim, "wrong guess " + i);
        }

        assertThat(api.send(loginRequest(victim, "another guess", attackersDevice)).status()).isEqualTo(429);
        assertThat(api.send(loginRequest(victim, "another guess", "x".repeat(43))).status()).isEqualTo(429);
    }

    @Test
    void guessesWithADeviceTokenAreSlowedDownOnThatTokenAlone() {
        String email = api.registerPatient();
        String device = api.login(email, Api.PASSWORD).text("deviceToken");
        for (int i = 0; i < 5; i++) {
            assertThat(api.send(loginRequest(email, "wrong guess " + i, device)).status()).isEqualTo(401);
        }

        assertThat(api.send(loginRequest(email, Api.PASSWORD, device)).header("Retry-After")).contains("1");
        assertThat(api.login(email, Api.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aCorrectLogInFromAnAddressDoesNotCountAgainstIt() {
        for (int i = 0; i < 25; i++) {
            String email = api.registerPatient();
            assertThat(api.send(loginRequest(email, Api.PASSWORD).from("192.0.2.9")).status()).isEqualTo(200);
        }
    }

    @Test
    void twentyFailuresFromOneAddressSlowOnlyClientsWithoutADeviceTokenThere() {
        for (int i = 0; i < 20; i++) {
            api.send(loginRequest("guess" + i + "@example.org", "some password").from("192.0.2.9"));
        }
        String email = api.registerPatient();

        Reply fromThatAddress = api.send(loginRequest(email, Api.PASSWORD).from("192.0.2.9"));
        Reply fromElsewhere = api.send(loginRequest(email, Api.PASSWORD).from("192.0.2.10"));

        assertThat(fromThatAddress.status()).isEqualTo(429);
        assertThat(fromThatAddress.header("Retry-After")).contains("1");
        assertThat(fromElsewhere.status()).isEqualTo(200);
    }

    @Test
    void aLogInThatFindsTheHashingThreadsBusyIs503AndCountsAgainstNothing() {
        Api busy = new Api(IntakeConfig.defaults(), new PasswordHasher() {
            @Override
            public String hash(String password) {
                return "not checked";
            }

            @Override
            public boolean verify(String password, String hash) {
                throw new PasswordHasher.BusyException();
            }
        });

        Reply reply = busy.login("anna@example.org", Api.PASSWORD);

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.code()).isEqualTo("busy");
        assertThat(reply.header("Retry-After")).contains("1");
        assertThat(busy.limits.used()).allSatisfy((subject, used) -> assertThat(used).isZero());
    }

    @Test
    void logoutRevokesTheToken() {
        String token = api.patientToken();

        Reply logout = api.send(Req.post("/api/v1/auth/logout").bearer(token));

        assertThat(logout.status()).isEqualTo(204);
        assertThat(logout.rawBody()).isNull();
        assertThat(api.tokens.all()).doesNotContainKey(Digests.sha256Hex(token));
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
        assertThat(api.limits.used()).isEmpty();
    }

    private static Req loginRequest(String email, String password) {
        return Req.post("/api/v1/auth/token").json("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }

    private static Req loginRequest(String email, String password, String deviceToken) {
        return Req.post("/api/v1/auth/token").json("{\"email\":\"" + email + "\",\"password\":\"" + password
                + "\",\"deviceToken\":\"" + deviceToken + "\"}");
    }
}
