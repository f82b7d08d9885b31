package com.medicarewizard.port.fakes;

import com.medicarewizard.domain.patient.EmailAddress;
import com.medicarewizard.domain.patient.Patient;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.staff.AuditEntry;
import com.medicarewizard.port.AuditTrail;
import com.medicarewizard.port.Patients;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Patients in memory for the functions' unit tests, held to {@link com.medicarewizard.port.contract.PatientsContract}:
 * one account per e-mail address, decided by an atomic put-if-absent. A registration by staff records its
 * entry in {@code audit} under the same lock, standing for the table's transaction.
 */
public final class InMemoryPatients implements Patients {
    private final Map<EmailAddress, Patient> byEmail = new ConcurrentHashMap<>();
    private final Map<PatientId, Instant> erasing = new ConcurrentHashMap<>();
    private final Set<PatientId> erased = ConcurrentHashMap.newKeySet();
    private final AuditTrail audit;

    public InMemoryPatients(AuditTrail audit) {
        this.audit = audit;
    }

    /** With an audit trail of its own. */
    public InMemoryPatients() {
        this(new InMemoryStaffAccounts());
    }

    /** Where registrations by staff record their entries. */
    public AuditTrail audit() {
        return audit;
    }

    @Override
    public synchronized void registerByStaff(Patient patient, AuditEntry entry) {
        register(patient);
        audit.record(entry);
    }

    @Override
    public void register(Patient patient) {
        if (byEmail.putIfAbsent(patient.email(), patient) != null) {
            throw new EmailTakenException();
        }
    }

    @Override
    public Optional<Patient> find(PatientId id) {
        return byEmail.values().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    @Override
    public Optional<Patient> byEmail(EmailAddress email) {
        return Optional.ofNullable(byEmail.get(email));
    }

    @Override
    public boolean replacePasswordHash(PatientId id, String expected, String replacement) {
        Optional<Patient> stored = find(id).filter(p -> p.passwordHash().equals(expected));
        return stored.isPresent() && byEmail.replace(stored.get().email(), stored.get(), withHash(stored.get(), replacement));
    }

    @Override
    public boolean setRemindTwoHoursBefore(PatientId id, boolean wanted) {
        Optional<Patient> stored = find(id);
        return stored.isPresent() && byEmail.replace(stored.get().email(), stored.get(),
                stored.get().withRemindTwoHoursBefore(wanted));
    }

    private static Patient withHash(Patient p, String hash) {
        return new Patient(p.id(), p.email(), hash, p.firstName(), p.lastName(), p.phone(), p.taxCode(), p.dateOfBirth(),
                p.language(), p.registeredAt(), p.remindTwoHoursBefore());
    }

    @Override
    public boolean beginErasure(PatientId id, Instant at) {
        if (find(id).isEmpty()) {
            return false;
        }
        erasing.putIfAbsent(id, at);
        return true;
    }

    @Override
    public boolean isErased(PatientId id) {
        return erasing.containsKey(id) || erased.contains(id);
    }

    @Override
    public synchronized void completeErasure(Patient patient, Instant at) {
        if (erased.contains(patient.id())) {
            return;
        }
        if (!erasing.containsKey(patient.id())) {
            throw new IllegalStateException("patient " + patient.id() + " is not being erased");
        }
        byEmail.remove(patient.email(), find(patient.id()).orElseThrow());
        erasing.remove(patient.id());
        erased.add(patient.id());
    }

    public int count() {
        return byEmail.size();
    }
}
