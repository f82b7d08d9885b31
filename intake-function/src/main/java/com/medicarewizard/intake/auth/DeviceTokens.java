package com.medicarewizard.intake.auth;

import com.medicarewizard.domain.patient.Patient;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.port.Tokens;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * OWASP's device cookie, as a token in the log-in body: a correct log-in gives the client a random
 * device token for that account; presenting it with the next log-ins of that account exempts the
 * client from the throttles others can trigger (the account's and the address's) — it has its own
 * (ADR 0006). Device tokens live 90 days in {@link Tokens}, stored under
 * {@code sha256("device:" + token)}, so a device token is never a bearer token nor the reverse.
 */
public final class DeviceTokens {
    static final Duration LIFETIME = Duration.ofDays(90);
    /** Far beyond our 43-character tokens. */
    public static final int MAX_LENGTH = 64;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Tokens tokens;

    public DeviceTokens(Tokens tokens) {
        this.tokens = tokens;
    }

    /** 32 random bytes, base64url without padding: what access and device tokens are made of. */
    public static String randomToken() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** The hash naming {@code token} when it is a live device token of {@code patient}'s account. */
    public Optional<String> trusted(Optional<String> token, Optional<Patient> patient, Instant now) {
        if (token.isEmpty() || patient.isEmpty()) {
            return Optional.empty();
        }
        String hash = hash(token.get());
        return tokens.find(hash, now).filter(session -> session.patient().equals(patient.get().id()))
                .map(Tokens.Session::tokenHash);
    }

    /** The device token the client shall keep: the one it proved, or a new one. */
    public String keptOrIssued(Optional<String> trusted, Optional<String> presented, PatientId patient, Instant now) {
        if (trusted.isPresent() && presented.isPresent()) {
            return presented.get();
        }
        String token = randomToken();
        tokens.store(new Tokens.Session(hash(token), patient, now, now.plus(LIFETIME)));
        return token;
    }

    private static String hash(String token) {
        return Digests.sha256Hex("device:" + token);
    }
}
