package com.medicarewizard.intake.auth;

import com.medicarewizard.domain.patient.EmailAddress;
import com.medicarewizard.domain.patient.Patient;
import com.medicarewizard.intake.http.Form;
import com.medicarewizard.intake.http.JsonBody;
import com.medicarewizard.intake.http.Problem;
import com.medicarewizard.intake.http.Request;
import com.medicarewizard.intake.http.Response;
import com.medicarewizard.intake.http.Route;
import com.medicarewizard.port.Patients;
import com.medicarewizard.port.Tokens;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST /api/v1/auth/token}: e-mail and password for an opaque bearer token (32 random
 * bytes, base64url), stored only as its SHA-256 hash with an expiry. An unknown e-mail and a wrong
 * password get the same 401, and both cost one bcrypt verification (against a dummy hash when
 * there is no account), so neither the answer nor its timing tells which accounts exist.
 */
public final class IssueToken implements Route {
    private static final int MAX_PASSWORD_LENGTH = 1024;
    private final Patients patients;
    private final Tokens tokens;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final Duration tokenTtl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final String dummyHash;

    public IssueToken(Patients patients, Tokens tokens, PasswordHasher hasher, LoginThrottle throttle,
                      Duration tokenTtl, Clock clock) {
        this.patients = patients;
        this.tokens = tokens;
        this.hasher = hasher;
        this.throttle = throttle;
        this.tokenTtl = tokenTtl;
        this.clock = clock;
        this.dummyHash = hasher.hash(UUID.randomUUID().toString());
    }

    @Override
    public Response handle(Request request) {
        Form form = new Form(JsonBody.object(request));
        Optional<String> email = form.required("email", 254);
        Optional<String> password = form.required("password", MAX_PASSWORD_LENGTH);
        form.check();
        Instant now = clock.instant();
        var subjects = LoginThrottle.Subjects.of(email.orElseThrow(), request.sourceIp());
        throttle.refusal(subjects, now).ifPresent(problem -> {
            throw problem.raise();
        });
        Optional<Patient> patient = account(email.get());
        boolean matches = hasher.verify(password.orElseThrow(),
                patient.map(Patient::passwordHash).orElse(dummyHash));
        if (patient.isEmpty() || !matches) {
            throttle.failed(subjects, now);
            throw invalidCredentials().raise();
        }
        throttle.succeeded(subjects);
        return issue(patient.get(), now);
    }

    private Optional<Patient> account(String email) {
        try {
            return patients.byEmail(new EmailAddress(email));
        } catch (IllegalArgumentException notAnAddress) {
            return Optional.empty();
        }
    }

    private Response issue(Patient patient, Instant now) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        tokens.store(new Tokens.Session(Digests.sha256Hex(token), patient.id(), now, now.plus(tokenTtl)));
        return Response.json(200, new TokenBody(token, "Bearer", tokenTtl.toSeconds())).noStore();
    }

    public record TokenBody(String accessToken, String tokenType, long expiresIn) {
    }

    static Problem invalidCredentials() {
        return Problem.of(401, "invalid-credentials", "Unauthorized", "The e-mail address or the password is wrong.")
                .withHeader("WWW-Authenticate", "Bearer");
    }
}
