package com.medicarewizard.port;

import com.medicarewizard.domain.center.ExamTypeCode;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.waitlist.WaitlistEntry;

import java.util.List;
import java.util.Optional;

/**
 * The patients waiting for an earlier time ({@link WaitlistEntry}), per exam type in the order they
 * joined. It holds patient ids, exam types and dates, never contact data; an erased patient's entries go
 * with their account ({@link #removeAll}).
 */
public interface Waitlist {

    /** What {@link #join} did. */
    enum Joined {
        JOINED,
        /** The patient already waits for the same exam type at the same site (or at any): nothing written. */
        ALREADY_WAITING,
        /** The patient already has {@value WaitlistEntry#MAX_PER_PATIENT} entries: nothing written. */
        TOO_MANY
    }

    Joined join(WaitlistEntry entry);

    /** The patient's entries, oldest first. */
    List<WaitlistEntry> ofPatient(PatientId patient);

    /** The entry with this id, whoever's. */
    Optional<WaitlistEntry> find(String id);

    /** The entries waiting for the exam type, in the order they joined. */
    List<WaitlistEntry> waiting(ExamTypeCode examType);

    /** Removes the patient's entry; false when they have none with that id (nothing removed). */
    boolean leave(PatientId patient, String id);

    /** Records {@code freed}'s time as offered to the entry (idempotent); an entry gone meanwhile stays gone. */
    void markOffered(WaitlistEntry entry, Reservation freed);

    /** Removes the entry whoever's (its offer was accepted); no error when it is gone already. */
    void remove(String id);

    /** Removes every entry of the patient (their account is erased). */
    void removeAll(PatientId patient);
}
