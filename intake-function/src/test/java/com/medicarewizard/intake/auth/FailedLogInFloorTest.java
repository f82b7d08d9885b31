package com.medicarewizard.intake.auth;

import com.medicarewizard.domain.patient.Patient;
import com.medicarewizard.domain.patient.EmailAddress;
import com.medicarewizard.intake.IntakeConfig;
import com.medicarewizard.intake.fakes.Api;
import com.medicarewizard.intake.fakes.Req;
import com.medicarewizard.intake.http.ProblemException;
import com.medicarewizard.intake.http.Request;
import com.medicarewizard.intake.http.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A failed log-in answers no sooner than the floor after its check began, whichever scheme the check
 * ran: an unknown e-mail (Argon2id dummy, quick) and a wrong password on an account still on bcrypt
 * (slow) answer at the same time. On a fake monotonic clock that each verify advances; nothing waits.
 */
class FailedLogInFloorTest {
    private static final Duration ARGON2ID = Duration.ofMillis(40);
    private static final Duration BCRYPT = Duration.ofMillis(120);
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final List<Duration> slept = new ArrayList<>();
    private final Api api = new Api(IntakeConfig.defaults());
    private final FailedLogInFloor floor = new FailedLogInFloor(FailedLogInFloor.STANDARD, nanos::get, d -> {
        slept.add(d);
        nanos.addAndGet(d.toNanos());
    });

    /** The upgrading hasher, each verify taking its scheme's time on the fake clock. */
    private final PasswordHasher timed = new PasswordHasher() {
        private final PasswordHasher real = new UpgradingPasswordHasher(new Argon2idPasswordHasher(4096, 1),
                new BcryptPasswordHasher(4));

        @Override
        public String hash(String password) {
            return real.hash(password);
        }

        @Override
        public boolean verify(String password, String hash) {
            nanos.addAndGet((hash.startsWith("$2") ? BCRYPT : ARGON2ID).toNanos());
            return real.verify(password, hash);
        }

        @Override
        public boolean needsRehash(String hash) {
            return real.needsRehash(hash);
        }
    };
    private final IssueToken issueToken = new IssueToken(api.patients, api.tokens, timed,
            new LoginThrottle(api.limits, IntakeConfig.defaults().limits()), Duration.ofHours(1), api.clock, floor);

    @Test
    void anUnknownEMailAndAWrongPasswordOnABcryptAccountAnswerAfterTheSameTime() {
        String old = withBcryptHash(api.registerPatient());

        long unknown = failedAfter("nobody@example.org", Api.PASSWORD);
        long wrong = failedAfter(old, "not the password");

        assertThat(unknown).isEqualTo(FailedLogInFloor.STANDARD.toNanos());
        assertThat(wrong).isEqualTo(unknown);
        assertThat(slept).containsExactly(FailedLogInFloor.STANDARD.minus(ARGON2ID),
                FailedLogInFloor.STANDARD.minus(BCRYPT));
    }

    @Test
    void aCorrectLogInIsNeverHeld() {
        String old = withBcryptHash(api.registerPatient());

        Response response = issueToken.handle(login(old, Api.PASSWORD));

        assertThat(response.status()).isEqualTo(200);
        assertThat(slept).isEmpty();
    }

    @Test
    void aCheckSlowerThanTheFloorIsNotHeldFurther() {
        FailedLogInFloor shortFloor = new FailedLogInFloor(Duration.ofMillis(100), nanos::get, d -> slept.add(d));
        long started = shortFloor.start();
        nanos.addAndGet(BCRYPT.toNanos());

        shortFloor.holdFrom(started);

        assertThat(slept).isEmpty();
    }

    @Test
    void aNegativeFloorIsRefused() {
        assertThatThrownBy(() -> new FailedLogInFloor(Duration.ofMillis(-1), nanos::get, d -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private long failedAfter(String email, String password) {
        long before = nanos.get();
        assertThatThrownBy(() -> issueToken.handle(login(email, password)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(401));
        return nanos.get() - before;
    }

    private static Request login(String email, String password) {
        return Request.of(Req.post("/api/v1/auth/token")
                .json("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}").event());
    }

    private String withBcryptHash(String email) {
        Patient patient = api.patients.byEmail(new EmailAddress(email)).orElseThrow();
        api.patients.replacePasswordHash(patient.id(), patient.passwordHash(), new BcryptPasswordHasher(4).hash(Api.PASSWORD));
        return email;
    }
}
