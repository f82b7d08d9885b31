package com.medicarewizard.port;

import com.medicarewizard.domain.patient.EmailAddress;
import com.medicarewizard.domain.patient.Patient;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.staff.AuditEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Registered patients; one account per e-mail address, enforced by a conditional write. */
public interface Patients {

    /** @throws EmailTakenException when the address already has an account (nothing is written) */
    void register(Patient patient);

    /**
     * Registers an account a member of staff made for the patient (who phoned the center), with the entry
     * recording it, both or neither.
     *
     * @throws EmailTakenException when the address already has an account (nothing is written)
     */
    void registerByStaff(Patient patient, AuditEntry audit);

    Optional<Patient> find(PatientId id);

    /**
     * The patients of these ids that {@link #find} finds, by id; one absent, unknown or erased is not in the map.
     * What a page naming many patients reads (a day's schedule, a change's stranded bookings): DynamoDB's
     * adapter reads {@value #FIND_ALL_BATCH} at a time (BatchGetItem), where a get each is a round trip each.
     */
    default Map<PatientId, Patient> findAll(Collection<PatientId> ids) {
        Map<PatientId, Patient> found = new HashMap<>();
        for (PatientId id : Set.copyOf(ids)) {
            find(id).ifPresent(patient -> found.put(id, patient));
        }
        return found;
    }

    /** How many patients {@link #findAll} reads in one call to the table: BatchGetItem's limit. */
    int FIND_ALL_BATCH = 100;

    Optional<Patient> byEmail(EmailAddress email);

    /**
     * Stores {@code replacement} as the patient's password hash if {@code expected} is still the stored
     * one (a hash upgraded at log-in never overwrites a change made meanwhile).
     *
     * @return true when replaced; false when the patient is unknown or the stored hash was another
     */
    boolean replacePasswordHash(PatientId id, String expected, String replacement);

    /**
     * Marks the account as being erased, from {@code at} (a second call keeps the first time). The patient
     * is still found, so that an erasure cut short can be finished by the same patient; nothing more is
     * sent to them ({@link #isErased}).
     *
     * @return false when there is no such account (or it is erased already): nothing is written
     */
    boolean beginErasure(PatientId id, Instant at);

    /**
     * Whether the account is being erased or was erased: its messages are not sent. False for an id that
     * was never registered, and, some time after the erasure, for an erased one too.
     */
    boolean isErased(PatientId id);

    /**
     * Ends the erasure begun by {@link #beginErasure}: the e-mail address is free to register again and
     * the patient item keeps nothing but its id and when it was erased, for {@link #ERASURE_REMEMBERED}
     * (what the notifier still in flight needs to know, {@link #isErased}). Idempotent.
     *
     * @throws IllegalStateException when the erasure was not begun
     */
    void completeErasure(Patient patient, Instant at);

    /** How long an erased account's id is remembered as erased: longer than any message is in flight. */
    Duration ERASURE_REMEMBERED = java.time.Duration.ofDays(30);

    /**
     * Records whether the patient wants the reminder 2 hours before each booking (a write of that one
     * attribute, so it never overwrites another change of the patient made meanwhile).
     *
     * @return false when the patient is unknown (nothing is written)
     */
    boolean setRemindTwoHoursBefore(PatientId id, boolean wanted);

    final class EmailTakenException extends RuntimeException {
        public EmailTakenException() {
            super("the e-mail address already has an account");
        }
    }
}
