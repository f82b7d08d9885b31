package com.medicarewizard.adapter.embedded;

import static com.medicarewizard.adapter.layout.ItemLayout.DATE_OF_BIRTH;
import static com.medicarewizard.adapter.layout.ItemLayout.EMAIL;
import static com.medicarewizard.adapter.layout.ItemLayout.EMAIL_ADDRESS;
import static com.medicarewizard.adapter.layout.ItemLayout.FIRST_NAME;
import static com.medicarewizard.adapter.layout.ItemLayout.LANGUAGE;
import static com.medicarewizard.adapter.layout.ItemLayout.LAST_NAME;
import static com.medicarewizard.adapter.layout.ItemLayout.PASSWORD_HASH;
import static com.medicarewizard.adapter.layout.ItemLayout.PATIENT;
import static com.medicarewizard.adapter.layout.ItemLayout.PATIENT_ID;
import static com.medicarewizard.adapter.layout.ItemLayout.PHONE;
import static com.medicarewizard.adapter.layout.ItemLayout.REGISTERED_AT;
import static com.medicarewizard.adapter.layout.ItemLayout.TAX_CODE;
import static com.medicarewizard.adapter.layout.ItemLayout.TYPE;

import com.medicarewizard.adapter.embedded.table.Condition;
import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.adapter.embedded.table.Item;
import com.medicarewizard.adapter.embedded.table.Key;
import com.medicarewizard.adapter.embedded.table.TransactionCanceledException;
import com.medicarewizard.adapter.embedded.table.Write;
import com.medicarewizard.adapter.layout.ItemKeys;
import com.medicarewizard.domain.patient.EmailAddress;
import com.medicarewizard.domain.patient.Patient;
import com.medicarewizard.domain.patient.PhoneNumber;
import com.medicarewizard.domain.patient.TaxCode;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.port.Patients;

import java.time.LocalDate;
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
        Item owner = Item.builder(emailKey(patient.email()))
                .put(TYPE, EMAIL).put(PATIENT_ID, patient.id().value()).build();
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
        return Item.builder(patientKey(p.id()))
                .put(TYPE, PATIENT)
                .put(PATIENT_ID, p.id().value())
                .put(EMAIL_ADDRESS, p.email().value())
                .put(PASSWORD_HASH, p.passwordHash())
                .put(FIRST_NAME, p.firstName())
                .put(LAST_NAME, p.lastName())
                .put(PHONE, p.phone().value())
                .put(TAX_CODE, p.taxCode().value())
                .put(DATE_OF_BIRTH, p.dateOfBirth().toString())
                .put(LANGUAGE, p.language())
                .put(REGISTERED_AT, ItemKeys.instant(p.registeredAt()))
                .build();
    }

    private static Patient fromItem(Item item) {
        return new Patient(
                new PatientId(item.string(PATIENT_ID)),
                new EmailAddress(item.string(EMAIL_ADDRESS)),
                item.string(PASSWORD_HASH),
                item.string(FIRST_NAME),
                item.string(LAST_NAME),
                new PhoneNumber(item.string(PHONE)),
                new TaxCode(item.string(TAX_CODE)),
                LocalDate.parse(item.string(DATE_OF_BIRTH)),
                item.string(LANGUAGE),
                ItemKeys.instant(item.string(REGISTERED_AT)));
    }
}
