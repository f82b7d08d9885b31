package com.medicarewizard.intake.auth;

import com.medicarewizard.domain.patient.EmailAddress;
import com.medicarewizard.domain.patient.Patient;
import com.medicarewizard.intake.http.Form;
import com.medicarewizard.intake.http.JsonBody;
import com.medicarewizard.intake.http.Problem;
import com.medicarewizard.intake.http.Problems;
import com.medicarewizard.intake.http.Request;
import com.medicarewizard.intake.http.Response;
import com.medicarewizard.intake.http.Route;
import com.medicarewizard.port.Patients;
import com.medicarewizard.port.Tokens;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code POST /api/v1/auth/token}: e-mail and password (and the client's device token, if it has
 * one) for an opaque bearer token (32 random bytes, base64url), stored only as its SHA-256 hash
 * with an expiry, and a device token for the next log-ins. The e-mail must be a valid mailbox
 * (400 otherwise); its canonical form is both the account looked up and the throttle's key. The
 * {@link LoginThrottle} takes the attempt before the password is checked. An unknown e-mail and a
 * wrong password get the same 401 after the same {@link PasswordCheck} (an account still on bcrypt
 * verifies slower than the dummy; the floor covers it), and a correct password stored under an older
 * scheme is re-hashed ({@link PasswordHasher#needsRehash}).
 */
public final class IssueToken implements Route {
    private static final Logger LOG = LogManager.getLogger(IssueToken.class);
    private static final int MAX_PASSWORD_LENGTH = 1024;
    private final Patients patients;
    private final Tokens tokens;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final DeviceTokens devices;
    private final Duration tokenTtl;
    private final Clock clock;
    private final PasswordCheck check;

    public IssueToken(Patients patients, Tokens tokens, PasswordHasher hasher, LoginThrottle throttle,
                      Duration tokenTtl, Clock clock, FailedLogInFloor floor) {
        this.patients = patients;
        this.tokens = tokens;
        this.hasher = hasher;
        this.throttle = throttle;
        this.devices = new DeviceTokens(tokens);
        this.tokenTtl = tokenTtl;
        this.clock = clock;
        this.check = new PasswordCheck(hasher, floor);
    }

    @Override
    public Response handle(Request request) {
        Form form = new Form(JsonBody.object(request));
        Optional<EmailAddress> email = form.email("email");
        Optional<String> password = form.required("password", MAX_PASSWORD_LENGTH);
        Optional<String> device = form.optional("deviceToken", DeviceTokens.MAX_LENGTH);
        form.check();
        Instant now = clock.instant();
        Optional<Patient> patient = patients.byEmail(email.orElseThrow());
        Optional<String> trusted = devices.trusted(device, patient, now);
        check.admit();
        LoginThrottle.Attempt attempt = throttle.begin(email.get(), request.clientAddress(), trusted, now);
        if (!check.matches(password.orElseThrow(), patient.map(Patient::passwordHash), attempt)) {
            throw invalidCredentials().raise();
        }
        attempt.succeeded();
        upgrade(patient.get(), password.get());
        String deviceToken = devices.keptOrIssued(trusted, device, patient.get().id(), now);
        return issue(patient.get(), deviceToken, now);
    }

    /**
     * The password is right: a hash of an older scheme or strength is replaced by one of the current
     * (only if it is still the stored one). When that cannot be done now (the hashing threads busy,
     * the table refusing the write) the upgrade waits for the next log-in; the log-in itself is
     * never refused for it.
     */
    private void upgrade(Patient patient, String password) {
        if (!hasher.needsRehash(patient.passwordHash())) {
            return;
        }
        try {
            // a second hash for this log-in only if the hashing threads are not busy: else a later log-in
            hasher.admit();
            patients.replacePasswordHash(patient.id(), patient.passwordHash(), hasher.hash(password));
        } catch (RuntimeException notNow) {
            LOG.warn("the password hash of patient {} was not upgraded ({}); next log-in", patient.id(),
                    notNow.getClass().getSimpleName());
        }
    }

    private Response issue(Patient patient, String deviceToken, Instant now) {
        String token = DeviceTokens.randomToken();
        tokens.store(new Tokens.Session(Digests.sha256Hex(token), patient.id(), now, now.plus(tokenTtl)));
        return Response.json(200, new TokenBody(token, "Bearer", tokenTtl.toSeconds(), deviceToken)).noStore();
    }

    /** The answer; {@code deviceToken} is to be sent with the next log-ins of this account from this client. */
    public record TokenBody(String accessToken, String tokenType, long expiresIn, String deviceToken) {
    }

    /** The one answer to every failed log-in, patients' and staff's alike. */
    public static Problem invalidCredentials() {
        return Problem.of(401, "invalid-credentials", "Unauthorized", "The e-mail address or the password is wrong.")
                .withHeader("WWW-Authenticate", "Bearer");
    }
}
