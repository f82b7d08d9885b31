package com.medicarewizard.domain;

import com.medicarewizard.domain.patient.EmailAddress;
import com.medicarewizard.domain.patient.Patient;
import com.medicarewizard.domain.patient.PhoneNumber;
import com.medicarewizard.domain.patient.TaxCode;
import com.medicarewizard.domain.reservation.PatientId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Valid patients for tests: each one new, with its own id and e-mail address unless given. */
public final class PatientMother {

    public static final Instant REGISTERED_AT = Instant.parse("2030-01-10T09:30:00Z");

    private PatientMother() {
    }

    public static Patient patient() {
        return patient("patient-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
    }

    public static Patient patient(String email) {
        return patient(PatientId.random(), email);
    }

    public static Patient patient(PatientId id, String email) {
        return patient(id, email, "it");
    }

    /** @param language the patient's language for messages ({@code it}, {@code en}) */
    public static Patient patient(PatientId id, String email, String language) {
        return new Patient(id, new EmailAddress(email), "$2a$12$hashOfAPasswordNobodyKnowsXXXXXXXXXXXXXXXXXXXXXXXXXX",
                "Maria", "Rossi", new PhoneNumber("+393471234567"), new TaxCode("RSSMRA85T10A562S"),
                LocalDate.of(1985, 12, 10), language, REGISTERED_AT);
    }
}
