package com.medicarewizard.adapter.embedded;

import static com.medicarewizard.adapter.layout.ItemLayout.EMAIL;
import static com.medicarewizard.adapter.layout.ItemLayout.PATIENT;
import static com.medicarewizard.adapter.layout.ItemLayout.PATIENT_ID;

import com.medicarewizard.adapter.embedded.table.Condition;
import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.adapter.embedded.table.Item;
import com.medicarewizard.adapter.embedded.table.Key;
import com.medicarewizard.adapter.embedded.table.TransactionCanceledException;
import com.medicarewizard.adapter.embedded.table.Write;
import com.medicarewizard.adapter.layout.ItemKeys;
import com.medicarewizard.adapter.layout.PatientRecords;
import com.medicarewizard.domain.patient.EmailAddress;
import com.medicarewizard.domain.patient.Patient;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.port.Patients;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link Patients} on the embedded table: the patient item (the only one holding personal data)
 * and an {@code EMAIL#<address>} item naming its owner, written together, each only if absent —
 * so two registrations racing for one address leave exactly one account.
 */
public final class EmbeddedPatients implements Patients {

    private final EmbeddedTable table;

    public EmbeddedPatients(EmbeddedTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public void register(Patient patient) {
        Item owner = Item.of(PatientRecords.emailOwner(patient));
        try {
            table.transact(List.of(
                    Write.put(toItem(patient), Condition.absent()),
                    Write.put(owner, Condition.absent())));
        } catch (TransactionCanceledException e) {
            if (e.reasons().get(1).conditionFailed()) {
                throw new EmailTakenException();
            }
            throw new IllegalStateException("patient " + patient.id() + " is already registered", e);
        }
    }

    @Override
    public Optional<Patient> find(PatientId id) {
        return table.get(patientKey(id)).map(EmbeddedPatients::fromItem);
    }

    @Override
    public Optional<Patient> byEmail(EmailAddress email) {
        return table.get(emailKey(email))
                .map(owner -> new PatientId(owner.string(PATIENT_ID)))
                .flatMap(this::find);
    }

    private static Key patientKey(PatientId id) {
        return new Key(ItemKeys.patient(id), PATIENT);
    }

    private static Key emailKey(EmailAddress email) {
        return new Key(ItemKeys.email(email), EMAIL);
    }

    private static Item toItem(Patient p) {
        return Item.of(PatientRecords.attributes(p));
    }

    private static Patient fromItem(Item item) {
        return PatientRecords.patient(ReservationItems.attributes(item));
    }
}
