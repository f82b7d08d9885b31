package com.medicarewizard.port.fakes;

import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.port.PasswordResets;
import com.medicarewizard.port.Patients;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Password resets in memory for the functions' unit tests, held to
 * {@link com.medicarewizard.port.contract.PasswordResetsContract}; completing one replaces the password in
 * the given patients (one lock stands for the table's transaction).
 */
public final class InMemoryPasswordResets implements PasswordResets {
    private final Map<PatientId, Reset> resets = new HashMap<>();
    private final Patients patients;

    public InMemoryPasswordResets(Patients patients) {
        this.patients = patients;
    }

    @Override
    public synchronized void store(Reset reset) {
        resets.put(reset.patient(), reset);
    }

    @Override
    public synchronized Optional<Reset> find(PatientId patient, Instant now) {
        return Optional.ofNullable(resets.get(patient))
                .filter(r -> now.isBefore(r.expiresAt()) && r.wrongCodes() < MAX_WRONG_CODES);
    }

    @Override
    public synchronized void countWrongCode(Reset reset) {
        Reset stored = resets.get(reset.patient());
        if (stored == null || !stored.codeHash().equals(reset.codeHash())) {
            return;
        }
        int wrong = stored.wrongCodes() + 1;
        if (wrong >= MAX_WRONG_CODES) {
            resets.remove(reset.patient());
        } else {
            resets.put(reset.patient(), new Reset(stored.patient(), stored.codeHash(), stored.issuedAt(),
                    stored.expiresAt(), wrong));
        }
    }

    @Override
    public synchronized boolean complete(Reset reset, String passwordHash) {
        Reset stored = resets.get(reset.patient());
        if (stored == null || !stored.codeHash().equals(reset.codeHash())) {
            return false;
        }
        var patient = patients.find(reset.patient());
        if (patient.isEmpty() || !patients.replacePasswordHash(reset.patient(), patient.get().passwordHash(), passwordHash)) {
            return false;
        }
        resets.remove(reset.patient());
        return true;
    }
}
