package com.medicarewizard.port;

import com.medicarewizard.domain.reservation.PatientId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Password resets asked for by patients who forgot theirs: at most one per patient, stored under a
 * hash of its code (the code itself only ever reaches the patient's e-mail), short-lived, and single
 * use. A new request replaces the earlier reset, so only the latest code works; {@link #MAX_WRONG_CODES}
 * wrong codes remove it.
 */
public interface PasswordResets {

    /** Wrong codes a reset takes before it is removed: one in 20 million guesses of an 8-digit code per reset. */
    int MAX_WRONG_CODES = 5;

    /** Stores the reset, replacing any earlier one of the patient. */
    void store(Reset reset);

    /** The patient's reset, if one is stored, unexpired at {@code now} and with wrong codes left. */
    Optional<Reset> find(PatientId patient, Instant now);

    /**
     * Counts a wrong code against the reset, if it is still the one stored; the {@link #MAX_WRONG_CODES}th
     * removes it.
     */
    void countWrongCode(Reset reset);

    /**
     * Stores {@code passwordHash} as the patient's password and removes the reset, both or neither, if
     * the reset is still the one stored.
     *
     * @return false, changing nothing, when the reset was used, replaced or removed meanwhile, or the
     *     patient is unknown
     */
    boolean complete(Reset reset, String passwordHash);

    /**
     * @param codeHash   the SHA-256 (hex) of the patient id, a colon and the code
     * @param wrongCodes the wrong codes counted against it so far
     */
    record Reset(PatientId patient, String codeHash, Instant issuedAt, Instant expiresAt, int wrongCodes) {
        public Reset {
            Objects.requireNonNull(patient, "patient");
            Objects.requireNonNull(codeHash, "code hash");
            Objects.requireNonNull(issuedAt, "issued at");
            Objects.requireNonNull(expiresAt, "expires at");
            if (!expiresAt.isAfter(issuedAt)) {
                throw new IllegalArgumentException("a reset expires after it is issued");
            }
            if (wrongCodes < 0) {
                throw new IllegalArgumentException("wrong codes cannot be negative");
            }
        }

        @Override
        public String toString() {
            return "Reset[" + patient + ", until " + expiresAt + ", " + wrongCodes + " wrong]";
        }
    }
}
