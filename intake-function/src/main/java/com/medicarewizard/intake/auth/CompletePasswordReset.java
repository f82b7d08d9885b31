package com.medicarewizard.intake.auth;

import com.medicarewizard.domain.limit.Verdict;
import com.medicarewizard.domain.patient.EmailAddress;
import com.medicarewizard.domain.patient.PasswordPolicy;
import com.medicarewizard.domain.patient.Patient;
import com.medicarewizard.intake.Limits;
import com.medicarewizard.intake.http.Form;
import com.medicarewizard.intake.http.JsonBody;
import com.medicarewizard.intake.http.Problem;
import com.medicarewizard.intake.http.Problems;
import com.medicarewizard.intake.http.Request;
import com.medicarewizard.intake.http.Response;
import com.medicarewizard.intake.http.Route;
import com.medicarewizard.port.Notifications;
import com.medicarewizard.port.PasswordResets;
import com.medicarewizard.port.PasswordResets.Reset;
import com.medicarewizard.port.Patients;
import com.medicarewizard.port.RateLimits;
import com.medicarewizard.port.Tokens;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code POST /api/v1/auth/password-reset/complete}: the e-mail address, the code sent to it and a new
 * password (held to the same {@link PasswordPolicy} as at registration). With the right code, still
 * valid, the new password's hash replaces the old one and the reset is used up, in one write
 * ({@link PasswordResets#complete}); then every session and device token of the patient is revoked,
 * the account's failed log-ins are forgotten (a lock-out ends with the reset) and the patient is told
 * by e-mail. A wrong, expired or used code, and an address without an account, get the same 400
 * {@code invalid-reset-code}; a wrong code counts against the reset (5 remove it), and every try
 * takes one use of the client address's allowance first.
 */
public final class CompletePasswordReset implements Route {
    private static final Logger LOG = LogManager.getLogger(CompletePasswordReset.class);
    private static final Pattern CODE = Pattern.compile("[0-9]{8}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s-]");
    private static final int MAX_PASSWORD_LENGTH = 1024;
    private final Patients patients;
    private final PasswordResets resets;
    private final Notifications mail;
    private final Tokens tokens;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final RateLimits limits;
    private final Limits.ResetLimits resetLimits;
    private final LoginThrottle throttle;
    private final Clock clock;

    /** @param throttle the log-in throttle whose failures on the account a reset forgets */
    public CompletePasswordReset(Patients patients, PasswordResets resets, Notifications mail, Tokens tokens,
                                 PasswordHasher hasher, PasswordPolicy policy, RateLimits limits,
                                 Limits.ResetLimits resetLimits, LoginThrottle throttle, Clock clock) {
        this.patients = patients;
        this.resets = resets;
        this.mail = mail;
        this.tokens = tokens;
        this.hasher = hasher;
        this.policy = policy;
        this.limits = limits;
        this.resetLimits = resetLimits;
        this.throttle = throttle;
        this.clock = clock;
    }

    @Override
    public Response handle(Request request) {
        Form form = new Form(JsonBody.object(request));
        Optional<EmailAddress> email = form.email("email");
        Optional<String> code = form.required("code", 32).map(c -> SEPARATORS.matcher(c).replaceAll(""));
        if (code.isPresent() && !CODE.matcher(code.get()).matches()) {
            form.reject("code", "must be the 8 digits sent by e-mail", "code-shape");
        }
        Optional<String> password = form.required("password", MAX_PASSWORD_LENGTH);
        password.flatMap(p -> policy.weakness(p, email.map(EmailAddress::value).orElse(null)))
                .ifPresent(weak -> form.reject("password", weak.message(), weak.code()));
        form.check();
        Instant now = clock.instant();
        if (limits.take("reset-try:" + request.clientAddress(), resetLimits.triesPerAddress(), now)
                instanceof Verdict.Refused refused) {
            throw Problems.rateLimited("too-many-attempts", "Too many codes tried", refused).raise();
        }
        Optional<Patient> patient = patients.byEmail(email.orElseThrow());
        Optional<Reset> reset = patient.flatMap(p -> resets.find(p.id(), now));
        if (reset.isEmpty() || !Digests.sameSecret(RequestPasswordReset.codeHash(patient.get(), code.orElseThrow()),
                reset.get().codeHash())) {
            reset.ifPresent(resets::countWrongCode);
            throw invalidCode().raise();
        }
        String hash = hashed(password.orElseThrow());
        if (!resets.complete(reset.get(), hash)) {
            throw invalidCode().raise();
        }
        tokens.revokeAll(patient.get().id());
        throttle.forgetFailures(email.get());
        LOG.info("patient {} set a new password with a reset code", patient.get().id());
        tell(patient.get());
        return Response.noContent().noStore();
    }

    private String hashed(String password) {
        try {
            hasher.admit();
            return hasher.hash(password);
        } catch (PasswordHasher.BusyException busy) {
            throw Problems.busyHashing(busy.retryAfterSeconds()).raise();
        }
    }

    /** The notice is a courtesy (and a warning, if it was not them): the new password stands without it. */
    private void tell(Patient patient) {
        try {
            mail.send(ResetMessages.changed(patient));
        } catch (RuntimeException notSent) {
            LOG.warn("patient {} was not told of the new password ({})", patient.id(), notSent.getClass().getSimpleName());
        }
    }

    static Problem invalidCode() {
        return Problem.of(400, "invalid-reset-code", "Bad Request",
                "The code is wrong, has expired or was already used; ask for a new one.");
    }
}
