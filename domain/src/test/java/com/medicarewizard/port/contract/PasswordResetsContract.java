package com.medicarewizard.port.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.domain.patient.EmailAddress;
import com.medicarewizard.domain.patient.Patient;
import com.medicarewizard.domain.patient.PhoneNumber;
import com.medicarewizard.domain.patient.TaxCode;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.port.PasswordResets;
import com.medicarewizard.port.PasswordResets.Reset;
import com.medicarewizard.port.Patients;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PasswordResets} adapter promises, with the {@link Patients} of the same storage
 * (completing a reset replaces the patient's password). Subclasses give fresh, empty storage per test.
 */
public abstract class PasswordResetsContract {

    private static final Instant ISSUED = Instant.parse("2030-03-04T08:00:00.250Z");
    private static final Instant EXPIRES = ISSUED.plus(Duration.ofMinutes(30));

    /** The two ports over one fresh, empty storage. */
    public record Stores(Patients patients, PasswordResets resets) {
    }

    protected abstract Stores newStores();

    private Patients patients;
    private PasswordResets resets;
    private Patient maria;

    @BeforeEach
    void freshStores() {
        Stores stores = newStores();
        patients = stores.patients();
        resets = stores.resets();
        maria = new Patient(PatientId.random(), new EmailAddress("maria.rossi@example.org"), "$argon2id$old",
                "Maria", "Rossi", new PhoneNumber("+393471234567"), new TaxCode("RSSMRA85T10A562S"),
                LocalDate.of(1985, 12, 10), "it", ISSUED.minus(Duration.ofDays(30)));
        patients.register(maria);
    }

    private Reset reset(String code) {
        return new Reset(maria.id(), "sha256-" + code, ISSUED, EXPIRES, 0);
    }

    @Test
    void findsAStoredResetUntilItExpires() {
        Reset reset = reset(UUID.randomUUID().toString());
        resets.store(reset);
        assertThat(resets.find(maria.id(), ISSUED)).contains(reset);
        assertThat(resets.find(maria.id(), EXPIRES.minusMillis(1))).contains(reset);
        assertThat(resets.find(maria.id(), EXPIRES)).isEmpty();
        assertThat(resets.find(PatientId.random(), ISSUED)).isEmpty();
    }

    @Test
    void aNewResetReplacesTheEarlierOne() {
        Reset first = reset("first");
        Reset second = reset("second");
        resets.store(first);
        resets.store(second);
        assertThat(resets.find(maria.id(), ISSUED)).contains(second);
        assertThat(resets.complete(first, "$argon2id$by-the-first")).isFalse();
        assertThat(patients.find(maria.id()).orElseThrow().passwordHash()).isEqualTo("$argon2id$old");
    }

    @Test
    void completingReplacesThePasswordAndUsesTheResetUp() {
        Reset reset = reset("code");
        resets.store(reset);

        assertThat(resets.complete(reset, "$argon2id$new")).isTrue();

        assertThat(patients.find(maria.id()).orElseThrow().passwordHash()).isEqualTo("$argon2id$new");
        assertThat(resets.find(maria.id(), ISSUED)).isEmpty();
        assertThat(resets.complete(reset, "$argon2id$again")).isFalse();
        assertThat(patients.find(maria.id()).orElseThrow().passwordHash()).isEqualTo("$argon2id$new");
    }

    @Test
    void wrongCodesAreCountedAndTheLastAllowedRemovesTheReset() {
        Reset reset = reset("code");
        resets.store(reset);
        for (int wrong = 1; wrong < PasswordResets.MAX_WRONG_CODES; wrong++) {
            resets.countWrongCode(reset);
            assertThat(resets.find(maria.id(), ISSUED)).get().extracting(Reset::wrongCodes).isEqualTo(wrong);
        }
        resets.countWrongCode(reset);

        assertThat(resets.find(maria.id(), ISSUED)).isEmpty();
        assertThat(resets.complete(reset, "$argon2id$too-late")).isFalse();
        assertThat(patients.find(maria.id()).orElseThrow().passwordHash()).isEqualTo("$argon2id$old");
    }

    @Test
    void aWrongCodeCountsOnlyAgainstTheResetItWasMeantFor() {
        Reset first = reset("first");
        Reset second = reset("second");
        resets.store(first);
        resets.store(second);
        resets.countWrongCode(first);
        assertThat(resets.find(maria.id(), ISSUED)).get().extracting(Reset::wrongCodes).isEqualTo(0);
    }

    @Test
    void completingForAnUnknownPatientChangesNothing() {
        Reset stranger = new Reset(PatientId.random(), "sha256-x", ISSUED, EXPIRES, 0);
        resets.store(stranger);
        assertThat(resets.complete(stranger, "$argon2id$new")).isFalse();
        assertThat(resets.find(stranger.patient(), ISSUED)).contains(stranger);
    }
}
