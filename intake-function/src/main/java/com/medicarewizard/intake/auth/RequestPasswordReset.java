package com.medicarewizard.intake.auth;

import com.medicarewizard.domain.limit.FixedWindow;
import com.medicarewizard.domain.limit.Verdict;
import com.medicarewizard.domain.patient.EmailAddress;
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

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code POST /api/v1/auth/password-reset}: e-mails a patient who forgot their password a code of 8
 * random digits, valid {@link #LIFETIME} and once ({@link PasswordResets}: only its hash is stored, and
 * a new request replaces the earlier code). The answer is the same 202 whether or not the address has
 * an account; asking takes one use of the e-mail address's and of the client address's allowance
 * first, which is what bounds both mail-bombing someone's inbox and asking which addresses have an
 * account (registering tells as much, bounded the same way). When the mail service refuses the
 * message nothing is counted: 503 with Retry-After.
 */
public final class RequestPasswordReset implements Route {
    public static final Duration LIFETIME = Duration.ofMinutes(30);
    private static final Logger LOG = LogManager.getLogger(RequestPasswordReset.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int CODE_DIGITS = 8;
    private static final long MAIL_RETRY_SECONDS = 60;
    private final Patients patients;
    private final PasswordResets resets;
    private final Notifications mail;
    private final RateLimits limits;
    private final Limits.ResetLimits policy;
    private final Clock clock;

    public RequestPasswordReset(Patients patients, PasswordResets resets, Notifications mail, RateLimits limits,
                                Limits.ResetLimits policy, Clock clock) {
        this.patients = patients;
        this.resets = resets;
        this.mail = mail;
        this.limits = limits;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Response handle(Request request) {
        Form form = new Form(JsonBody.object(request));
        Optional<EmailAddress> email = form.email("email");
        form.check();
        Instant now = clock.instant();
        Use address = new Use("reset-address:" + request.clientAddress(), policy.codesPerAddress());
        Use inbox = new Use("reset-email:" + Digests.sha256Hex(email.orElseThrow().value()), policy.codesPerEmail());
        take(address, now);
        try {
            take(inbox, now);
        } catch (RuntimeException refused) {
            address.giveBack(limits, now);
            throw refused;
        }
        patients.byEmail(email.get()).ifPresent(patient -> send(patient, now, address, inbox));
        return Response.json(202, new Sent(LIFETIME.toSeconds())).noStore();
    }

    private void send(Patient patient, Instant now, Use address, Use inbox) {
        String code = newCode();
        Reset reset = new Reset(patient.id(), codeHash(patient, code), now, now.plus(LIFETIME), 0);
        resets.store(reset);
        try {
            mail.send(ResetMessages.code(patient, code, LIFETIME));
        } catch (Notifications.DeliveryFailedException refused) {
            // the code stored is one no one knows (8 random digits, 5 tries): harmless until the next request replaces it
            address.giveBack(limits, now);
            inbox.giveBack(limits, now);
            LOG.warn("the reset code for patient {} could not be sent ({})", patient.id(), refused.recovery());
            throw Problem.of(503, "mail-unavailable", "Service Unavailable",
                            "The e-mail with your code could not be sent; please try again in a minute.")
                    .withHeader("Retry-After", Long.toString(MAIL_RETRY_SECONDS)).raise();
        }
        LOG.info("a reset code was sent to patient {}", patient.id());
    }

    private void take(Use use, Instant now) {
        if (limits.take(use.subject(), use.policy(), now) instanceof Verdict.Refused refused) {
            throw Problems.rateLimited("too-many-reset-codes", "Too many reset codes asked for", refused).raise();
        }
    }

    static String newCode() {
        return String.format("%0" + CODE_DIGITS + "d", RANDOM.nextInt(100_000_000));
    }

    /** What is stored of a code: bound to its patient, so that a code can never serve another account. */
    static String codeHash(Patient patient, String code) {
        return Digests.sha256Hex(patient.id().value() + ":" + code);
    }

    /** The answer: how long the code, if one was sent, stays valid. */
    public record Sent(long expiresIn) {
    }

    private record Use(String subject, FixedWindow policy) {
        void giveBack(RateLimits limits, Instant now) {
            limits.giveBack(subject, policy, now);
        }
    }
}
