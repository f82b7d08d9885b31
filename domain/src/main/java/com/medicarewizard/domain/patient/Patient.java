package com.medicarewizard.domain.patient;

import com.medicarewizard.domain.reservation.PatientId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A registered patient. {@code passwordHash} is a slow, salted hash (never the password); the tax
 * code, phone and date of birth are personal data: never logged, shown only masked.
 * {@code remindTwoHoursBefore}: whether the patient wants a reminder 2 hours before each booking too
 * (every confirmed booking gets one 48 hours before); false until they ask.
 */
public record Patient(PatientId id, EmailAddress email, String passwordHash, String firstName, String lastName,
                      PhoneNumber phone, TaxCode taxCode, LocalDate dateOfBirth, String language, Instant registeredAt,
                      boolean remindTwoHoursBefore) {
    public Patient {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "password hash");
        Objects.requireNonNull(firstName, "first name");
        Objects.requireNonNull(lastName, "last name");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(taxCode, "tax code");
        Objects.requireNonNull(dateOfBirth, "date of birth");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(registeredAt, "registered at");
    }

    /** A patient who has not asked for the 2-hour reminder (every new registration). */
    public Patient(PatientId id, EmailAddress email, String passwordHash, String firstName, String lastName,
                   PhoneNumber phone, TaxCode taxCode, LocalDate dateOfBirth, String language, Instant registeredAt) {
        this(id, email, passwordHash, firstName, lastName, phone, taxCode, dateOfBirth, language, registeredAt, false);
    }

    public Patient withRemindTwoHoursBefore(boolean wanted) {
        return new Patient(id, email, passwordHash, firstName, lastName, phone, taxCode, dateOfBirth, language,
                registeredAt, wanted);
    }

    @Override
    public String toString() {
        return "Patient[" + id + "]";
    }
}
