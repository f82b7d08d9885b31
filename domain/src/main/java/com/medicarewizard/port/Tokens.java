package com.medicarewizard.port;

import com.medicarewizard.domain.reservation.PatientId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Access-token sessions, stored under a hash of the token (the token itself is never stored), with
 * an expiry; logout deletes the session.
 */
public interface Tokens {

    void store(Session session);

    /** The session for the hash, if stored and not expired at {@code now}. */
    Optional<Session> find(String tokenHash, Instant now);

    void revoke(String tokenHash);

    /** Revokes every session of the patient (device tokens included): after a password reset. */
    void revokeAll(PatientId patient);

    /**
     * The patient's sessions and device tokens live at {@code now} (their hashes included: the caller shows
     * no hash), oldest first.
     */
    List<Session> sessionsOf(PatientId patient, Instant now);

    record Session(String tokenHash, PatientId patient, Instant issuedAt, Instant expiresAt) {
    }
}
