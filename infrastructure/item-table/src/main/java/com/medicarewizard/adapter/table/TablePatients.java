package com.medicarewizard.adapter.table;

import static com.medicarewizard.table.layout.ItemLayout.ERASED_AT;
import static com.medicarewizard.table.layout.ItemLayout.ERASING_SINCE;
import static com.medicarewizard.table.layout.ItemLayout.PASSWORD_HASH;
import static com.medicarewizard.table.layout.ItemLayout.PATIENT_ID;
import static com.medicarewizard.table.layout.ItemLayout.REMIND_TWO_HOURS_BEFORE;

import com.medicarewizard.domain.patient.EmailAddress;
import com.medicarewizard.domain.patient.Patient;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.staff.AuditEntry;
import com.medicarewizard.port.ContendedWriteException;
import com.medicarewizard.port.Patients;
import com.medicarewizard.table.CancellationReason;
import com.medicarewizard.table.Condition;
import com.medicarewizard.table.ConditionFailedException;
import com.medicarewizard.table.Item;
import com.medicarewizard.table.ItemTable;
import com.medicarewizard.table.TransactionCanceledException;
import com.medicarewizard.table.Update;
import com.medicarewizard.table.Write;
import com.medicarewizard.table.layout.AuditRecords;
import com.medicarewizard.table.layout.ItemKeys;
import com.medicarewizard.table.layout.PatientRecords;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link Patients} on the item table: the patient item (the only one holding personal data) and an
 * {@code EMAIL#<address>} item naming its owner (and, for an account made by staff, its audit entry), written in
 * one transaction, each only if absent —
 * so two registrations racing for one address leave exactly one account. When the racing
 * registration's transaction held the address item (a {@code TransactionConflict} outlasting the
 * table's retries), the address item is read again: there, the address is taken; still absent, the
 * race is undecided and the caller is told to try again ({@link ContendedWriteException}). An erasure
 * marks the patient item ({@code erasingSince}), then ends in one transaction that frees the address and
 * leaves of the patient item its id and {@code erasedAt} alone, forgotten after
 * {@link Patients#ERASURE_REMEMBERED} (TTL).
 */
public final class TablePatients implements Patients {

    private final ItemTable table;

    public TablePatients(ItemTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public void register(Patient patient) {
        register(patient, List.of());
    }

    @Override
    public void registerByStaff(Patient patient, AuditEntry audit) {
        register(patient, List.of(Write.put(AuditRecords.item(audit), Condition.absent())));
    }

    /** The patient, their address's owner item and {@code more} in one transaction. */
    private void register(Patient patient, List<Write> more) {
        List<Write> writes = new ArrayList<>(List.of(
                Write.put(PatientRecords.item(patient), Condition.absent()),
                Write.put(PatientRecords.emailOwner(patient), Condition.absent())));
        writes.addAll(more);
        try {
            table.transact(writes);
        } catch (TransactionCanceledException e) {
            if (e.reasons().size() > 1 && e.reasons().get(1).conditionFailed()) {
                throw new EmailTakenException();
            }
            if (e.reasons().stream().anyMatch(CancellationReason::conflicted)) {
                if (table.get(PatientRecords.emailKey(patient.email())).isPresent()) {
                    throw new EmailTakenException();
                }
                throw new ContendedWriteException("patient " + patient.id() + " met another registration under way", e);
            }
            throw new IllegalStateException("patient " + patient.id() + " could not be registered", e);
        }
    }

    @Override
    public Optional<Patient> find(PatientId id) {
        return table.get(PatientRecords.key(id)).filter(item -> !PatientRecords.isErased(item))
                .map(PatientRecords::patient);
    }

    /** BatchGetItem, {@value Patients#FIND_ALL_BATCH} keys a call, each read strongly consistent as {@link #find} reads it. */
    @Override
    public Map<PatientId, Patient> findAll(Collection<PatientId> ids) {
        List<PatientId> distinct = List.copyOf(new LinkedHashSet<>(ids));
        Map<PatientId, Patient> found = new HashMap<>();
        for (int at = 0; at < distinct.size(); at += FIND_ALL_BATCH) {
            List<PatientId> batch = distinct.subList(at, Math.min(distinct.size(), at + FIND_ALL_BATCH));
            List<Optional<Item>> items = table.getAll(batch.stream().map(PatientRecords::key).toList());
            for (int i = 0; i < batch.size(); i++) {
                PatientId id = batch.get(i);
                items.get(i).filter(item -> !PatientRecords.isErased(item)).map(PatientRecords::patient)
                        .ifPresent(patient -> found.put(id, patient));
            }
        }
        return found;
    }

    /** One update, only on a live account not yet marked: a mark already there stays as it is. */
    @Override
    public boolean beginErasure(PatientId id, Instant at) {
        try {
            table.update(PatientRecords.key(id), Update.set(ERASING_SINCE, ItemKeys.instant(at)), Condition.and(
                    Condition.present(), Condition.attributeNotExists(ERASED_AT),
                    Condition.attributeNotExists(ERASING_SINCE)));
            return true;
        } catch (ConditionFailedException e) {
            return e.current().filter(item -> item.has(ERASING_SINCE)).isPresent();
        }
    }

    @Override
    public boolean isErased(PatientId id) {
        return table.get(PatientRecords.key(id)).filter(item -> item.has(ERASING_SINCE) || item.has(ERASED_AT))
                .isPresent();
    }

    /**
     * One transaction: the address item deleted (if still this patient's) and the patient item replaced by
     * what is left of it, only while its erasure is under way. Done already: nothing more to do.
     */
    @Override
    public void completeErasure(Patient patient, Instant at) {
        try {
            table.transact(List.of(
                    Write.delete(PatientRecords.emailKey(patient.email()),
                            Condition.absentOr(Condition.equals(PATIENT_ID, patient.id().value()))),
                    Write.put(PatientRecords.erased(patient.id(), at), Condition.attributeExists(ERASING_SINCE))));
        } catch (TransactionCanceledException e) {
            Optional<Item> stored = table.get(PatientRecords.key(patient.id()));
            if (stored.filter(PatientRecords::isErased).isPresent()) {
                return;
            }
            if (e.reasons().stream().anyMatch(CancellationReason::conflicted)) {
                throw new ContendedWriteException("the erasure of patient " + patient.id() + " met another write", e);
            }
            throw new IllegalStateException("patient " + patient.id() + " is not being erased", e);
        }
    }

    @Override
    public boolean replacePasswordHash(PatientId id, String expected, String replacement) {
        try {
            table.update(PatientRecords.key(id), Update.set(PASSWORD_HASH, replacement),
                    Condition.and(Condition.present(), Condition.equals(PASSWORD_HASH, expected)));
            return true;
        } catch (ConditionFailedException changedOrUnknown) {
            return false;
        }
    }

    @Override
    public boolean setRemindTwoHoursBefore(PatientId id, boolean wanted) {
        try {
            table.update(PatientRecords.key(id), Update.set(REMIND_TWO_HOURS_BEFORE, wanted), Condition.present());
            return true;
        } catch (ConditionFailedException unknown) {
            return false;
        }
    }

    @Override
    public Optional<Patient> byEmail(EmailAddress email) {
        return table.get(PatientRecords.emailKey(email))
                .map(owner -> new PatientId(owner.string(PATIENT_ID)))
                .flatMap(this::find);
    }
}
