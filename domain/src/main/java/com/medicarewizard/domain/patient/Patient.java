package com.medicarewizard.domain.patient;

import com.medicarewizard.domain.reservation.PatientId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A registered patient. {@code passwordHash} is a slow, salted hash (never the password); the tax
 * code, phone and date of birth are personal data: never logged, shown only masked.
 */
public record Patient(PatientId id, EmailAddress email, String passwordHash, String firstName, String lastName,
                      PhoneNumber phone, TaxCode taxCode, LocalDate dateOfBirth, String language, Instant registeredAt) {
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

    @Override
    public String toString() {
        return "Patient[" + id + "]";
    }
}
