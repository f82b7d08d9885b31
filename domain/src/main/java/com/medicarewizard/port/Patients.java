package com.medicarewizard.port;

import com.medicarewizard.domain.patient.EmailAddress;
import com.medicarewizard.domain.patient.Patient;
import com.medicarewizard.domain.reservation.PatientId;

import java.util.Optional;

/** Registered patients; one account per e-mail address, enforced by a conditional write. */
public interface Patients {

    /** @throws EmailTakenException when the address already has an account (nothing is written) */
    void register(Patient patient);

    Optional<Patient> find(PatientId id);

    Optional<Patient> byEmail(EmailAddress email);

    /**
     * Stores {@code replacement} as the patient's password hash if {@code expected} is still the stored
     * one (a hash upgraded at log-in never overwrites a change made meanwhile).
     *
     * @return true when replaced; false when the patient is unknown or the stored hash was another
     */
    boolean replacePasswordHash(PatientId id, String expected, String replacement);

    final class EmailTakenException extends RuntimeException {
        public EmailTakenException() {
            super("the e-mail address already has an account");
        }
    }
}
