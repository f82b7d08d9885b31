package com.medicarewizard.intake;

import com.medicarewizard.domain.patient.EmailAddress;
import com.medicarewizard.domain.patient.Patient;
import com.medicarewizard.domain.staff.AuditEntry;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.intake.auth.Argon2idPasswordHasher;
import com.medicarewizard.intake.auth.BcryptPasswordHasher;
import com.medicarewizard.intake.auth.PasswordHasher;
import com.medicarewizard.intake.auth.UpgradingPasswordHasher;
import com.medicarewizard.intake.fakes.Api;
import com.medicarewizard.intake.fakes.Reply;
import com.medicarewizard.intake.fakes.Req;
import com.medicarewizard.intake.fakes.TestContext;
import com.medicarewizard.port.ContendedWriteException;
import com.medicarewizard.port.Patients;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The log-in and the password hashing scheme: upgrades at log-in, and a busy hasher that costs nothing. */
class LoginHashingTest {
    private final BcryptPasswordHasher bcrypt = new BcryptPasswordHasher(4);
    private final Api api = new Api(IntakeConfig.defaults(),
            new UpgradingPasswordHasher(Argon2idPasswordHasher.standard(), bcrypt));

    @Test
    void aPatientRegistersWithAnArgon2idHash() {
        String email = api.registerPatient();

        assertThat(stored(email)).startsWith("$argon2id$v=19$m=7168,t=5,p=1$");
        assertThat(api.login(email, Api.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aStoredBcryptHashBecomesArgon2idAtTheNextLogInAndStillLogsIn() {
        String email = withBcryptHash(api.registerPatient());

        assertThat(api.login(email, Api.PASSWORD).status()).isEqualTo(200);

        assertThat(stored(email)).startsWith("$argon2id$v=19$m=7168,t=5,p=1$");
        assertThat(api.login(email, Api.PASSWORD).status()).isEqualTo(200);
        assertThat(api.login(email, "not the password").status()).isEqualTo(401);
    }

    /** The upgrade is a second hash: while the hashing threads are busy it waits for a later log-in, which still succeeds now. */
    @Test
    void whileTheHasherIsBusyTheUpgradeWaitsForALaterLogIn() {
        var admits = new java.util.concurrent.atomic.AtomicInteger();
        var standard = new UpgradingPasswordHasher(Argon2idPasswordHasher.standard(), bcrypt);
        Api busyAfterTheCheck = new Api(IntakeConfig.defaults(), new PasswordHasher() {
            @Override
            public String hash(String password) {
                return standard.hash(password);
            }

            @Override
            public boolean verify(String password, String hash) {
                return standard.verify(password, hash);
            }

            @Override
            public boolean needsRehash(String hash) {
                return standard.needsRehash(hash);
            }

            @Override
            public void admit() {
                // the log-in's own check (1st, 3rd, ...) passes; the upgrade's of the first log-in (2nd) is busy
                if (admits.incrementAndGet() == 2) {
                    throw new BusyException(Duration.ofMillis(2_300));
                }
            }
        });
        String email = busyAfterTheCheck.registerPatient();
        admits.set(0);
        Patient patient = busyAfterTheCheck.patients.byEmail(new EmailAddress(email)).orElseThrow();
        busyAfterTheCheck.patients.replacePasswordHash(patient.id(), patient.passwordHash(), bcrypt.hash(Api.PASSWORD));

        assertThat(busyAfterTheCheck.login(email, Api.PASSWORD).status()).isEqualTo(200);
        assertThat(busyAfterTheCheck.patients.byEmail(new EmailAddress(email)).orElseThrow().passwordHash()).startsWith("$2a$04$");

        assertThat(busyAfterTheCheck.login(email, Api.PASSWORD).status()).isEqualTo(200);
        assertThat(busyAfterTheCheck.patients.byEmail(new EmailAddress(email)).orElseThrow().passwordHash())
                .startsWith("$argon2id$v=19$m=7168,t=5,p=1$");
    }

    @Test
    void aWeakerArgon2idHashIsUpgradedLikewise() {
        String email = api.registerPatient();
        Patient patient = patient(email);
        api.patients.replacePasswordHash(patient.id(), patient.passwordHash(),
                new Argon2idPasswordHasher(4096, 1).hash(Api.PASSWORD));

        assertThat(api.login(email, Api.PASSWORD).status()).isEqualTo(200);

        assertThat(stored(email)).startsWith("$argon2id$v=19$m=7168,t=5,p=1$");
    }

    @Test
    void anUpgradeTheTableRefusesWaitsForTheNextLogInAndTheLogInGoesThrough() {
        String email = withBcryptHash(api.registerPatient());
        Intake ports = api.intake;
        Patients refusingUpgrades = new Patients() {
            @Override
            public void register(Patient patient) {
                ports.patients().register(patient);
            }

            @Override
            public void registerByStaff(Patient patient, AuditEntry audit) {
                ports.patients().registerByStaff(patient, audit);
            }

            @Override
            public Optional<Patient> find(PatientId id) {
                return ports.patients().find(id);
            }

            @Override
            public Optional<Patient> byEmail(EmailAddress address) {
                return ports.patients().byEmail(address);
            }

            @Override
            public boolean replacePasswordHash(PatientId id, String expected, String replacement) {
                throw new ContendedWriteException("the table is busy", null);
            }

            @Override
            public boolean beginErasure(PatientId id, Instant at) {
                return ports.patients().beginErasure(id, at);
            }

            @Override
            public boolean isErased(PatientId id) {
                return ports.patients().isErased(id);
            }

            @Override
            public void completeErasure(Patient patient, Instant at) {
                ports.patients().completeErasure(patient, at);
            }

            @Override
            public boolean setRemindTwoHoursBefore(PatientId id, boolean wanted) {
                return ports.patients().setRemindTwoHoursBefore(id, wanted);
            }
        };
        ApiHandler refusing = new ApiHandler(new Intake(ports.catalog(), ports.ledger(), ports.reservations(), ports.queue(),
                refusingUpgrades, ports.tokens(), ports.rateLimits(), ports.streamPosition(), ports.passwordHasher(),
                ports.config(), ports.clock()));

        Reply reply = Reply.of(refusing.handleRequest(Req.post("/api/v1/auth/token")
                .json("{\"email\":\"" + email + "\",\"password\":\"" + Api.PASSWORD + "\"}").event(), new TestContext()));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(stored(email)).startsWith("$2a$04$");
        assertThat(api.login(email, Api.PASSWORD).status()).isEqualTo(200);
        assertThat(stored(email)).startsWith("$argon2id$");
    }

    @Test
    void aWrongPasswordNeverUpgrades() {
        String email = withBcryptHash(api.registerPatient());
        String before = stored(email);

        assertThat(api.login(email, "not the password").status()).isEqualTo(401);

        assertThat(stored(email)).isEqualTo(before);
    }

    @Test
    void aLogInTheHashingThreadsCannotTakeSoonIs503WithRetryAfterAndTouchesNoLimit() {
        Api busy = busy();

        Reply reply = busy.login("anna@example.org", Api.PASSWORD);

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.code()).isEqualTo("busy");
        assertThat(reply.header("Retry-After")).contains("3");
        assertThat(reply.text("detail")).contains("3 s");
        assertThat(busy.limits.used()).as("no attempt was taken, so none is handed back").isEmpty();
    }

    @Test
    void aRegistrationTheHashingThreadsCannotTakeSoonIs503AndCountsAgainstNoLimit() {
        Api busy = busy();

        Reply reply = busy.send(Req.post("/api/v1/patients").json(Api.registration("new@example.org", Api.PASSWORD)));

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.header("Retry-After")).contains("3");
        assertThat(busy.limits.used()).isEmpty();
        assertThat(busy.patients.count()).isZero();
    }

    /** The hashing threads filled up between admit() and the hash: the two uses taken are handed back. */
    @Test
    void aRegistrationWhoseHashIsRefusedBusyAfterAdmissionCountsAgainstNoLimit() {
        Api filledUp = new Api(IntakeConfig.defaults(), new PasswordHasher() {
            @Override
            public String hash(String password) {
                if (password.equals(Api.PASSWORD)) {
                    throw new BusyException(Duration.ofMillis(2_300));
                }
                return "h:" + password; // the log-in's dummy hash, written at start
            }

            @Override
            public boolean verify(String password, String hash) {
                throw new AssertionError("nothing is verified at registration");
            }
        });

        Reply reply = filledUp.send(Req.post("/api/v1/patients").json(Api.registration("new@example.org", Api.PASSWORD)));

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.header("Retry-After")).contains("3");
        assertThat(filledUp.limits.used()).isNotEmpty().allSatisfy((subject, uses) -> assertThat(uses).isZero());
        assertThat(filledUp.patients.count()).isZero();
    }

    /** An intake whose hasher refuses every hash: 2.3 s of backlog ahead. */
    private static Api busy() {
        return new Api(IntakeConfig.defaults(), new PasswordHasher() {
            @Override
            public String hash(String password) {
                return "h:" + password;
            }

            @Override
            public boolean verify(String password, String hash) {
                throw new AssertionError("a refused call is never hashed");
            }

            @Override
            public void admit() {
                throw new BusyException(Duration.ofMillis(2_300));
            }
        });
    }

    private String withBcryptHash(String email) {
        Patient patient = patient(email);
        assertThat(api.patients.replacePasswordHash(patient.id(), patient.passwordHash(), bcrypt.hash(Api.PASSWORD))).isTrue();
        assertThat(stored(email)).startsWith("$2a$04$");
        return email;
    }

    private Patient patient(String email) {
        return api.patients.byEmail(new EmailAddress(email)).orElseThrow();
    }

    private String stored(String email) {
        return patient(email).passwordHash();
    }
}
