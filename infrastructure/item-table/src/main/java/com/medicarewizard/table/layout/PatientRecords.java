package com.medicarewizard.table.layout;

import com.medicarewizard.table.Item;
import com.medicarewizard.table.Key;

import static com.medicarewizard.table.layout.ItemLayout.DATE_OF_BIRTH;
import static com.medicarewizard.table.layout.ItemLayout.EMAIL;
import static com.medicarewizard.table.layout.ItemLayout.EMAIL_ADDRESS;
import static com.medicarewizard.table.layout.ItemLayout.ERASED_AT;
import static com.medicarewizard.table.layout.ItemLayout.EXPIRES_AT;
import static com.medicarewizard.table.layout.ItemLayout.FIRST_NAME;
import static com.medicarewizard.table.layout.ItemLayout.LANGUAGE;
import static com.medicarewizard.table.layout.ItemLayout.LAST_NAME;
import static com.medicarewizard.table.layout.ItemLayout.PASSWORD_HASH;
import static com.medicarewizard.table.layout.ItemLayout.PATIENT;
import static com.medicarewizard.table.layout.ItemLayout.PATIENT_ID;
import static com.medicarewizard.table.layout.ItemLayout.PHONE;
import static com.medicarewizard.table.layout.ItemLayout.PK;
import static com.medicarewizard.table.layout.ItemLayout.REGISTERED_AT;
import static com.medicarewizard.table.layout.ItemLayout.REMIND_TWO_HOURS_BEFORE;
import static com.medicarewizard.table.layout.ItemLayout.SK;
import static com.medicarewizard.table.layout.ItemLayout.TAX_CODE;
import static com.medicarewizard.table.layout.ItemLayout.TYPE;

import com.medicarewizard.domain.patient.EmailAddress;
import com.medicarewizard.domain.patient.Patient;
import com.medicarewizard.domain.patient.PhoneNumber;
import com.medicarewizard.domain.patient.TaxCode;
import com.medicarewizard.domain.reservation.PatientId;

import com.medicarewizard.port.Patients;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Maps a {@link Patient} to its item and its e-mail uniqueness item in {@link ItemLayout}, and back. */
public final class PatientRecords {

    private PatientRecords() {
    }

    public static Key key(PatientId id) {
        return new Key(ItemKeys.patient(id), PATIENT);
    }

    /** The key of the item naming the owner of an e-mail address. */
    public static Key emailKey(EmailAddress email) {
        return new Key(ItemKeys.email(email), EMAIL);
    }

    public static Item item(Patient p) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put(PK, ItemKeys.patient(p.id()));
        item.put(SK, PATIENT);
        item.put(TYPE, PATIENT);
        item.put(PATIENT_ID, p.id().value());
        item.put(EMAIL_ADDRESS, p.email().value());
        item.put(PASSWORD_HASH, p.passwordHash());
        item.put(FIRST_NAME, p.firstName());
        item.put(LAST_NAME, p.lastName());
        item.put(PHONE, p.phone().value());
        item.put(TAX_CODE, p.taxCode().value());
        item.put(DATE_OF_BIRTH, p.dateOfBirth().toString());
        item.put(LANGUAGE, p.language());
        item.put(REGISTERED_AT, ItemKeys.instant(p.registeredAt()));
        if (p.remindTwoHoursBefore()) {
            item.put(REMIND_TWO_HOURS_BEFORE, true);
        }
        return Item.of(item);
    }

    /** The item that makes the address taken, naming its owner. */
    public static Item emailOwner(Patient p) {
        return Item.of(Map.of(PK, ItemKeys.email(p.email()), SK, EMAIL, TYPE, EMAIL, PATIENT_ID, p.id().value()));
    }

    /** What is left of an erased patient's item: the id and when, no personal data; forgotten after a while (TTL). */
    public static Item erased(PatientId id, Instant at) {
        return Item.builder(ItemKeys.patient(id), PATIENT).put(TYPE, PATIENT).put(PATIENT_ID, id.value())
                .put(ERASED_AT, ItemKeys.instant(at))
                .put(EXPIRES_AT, ExpiringRecords.ttl(at.plus(Patients.ERASURE_REMEMBERED))).build();
    }

    /** Whether the item is what is left of an erased patient. */
    public static boolean isErased(Item item) {
        return item.has(ERASED_AT);
    }

    public static Patient patient(Item item) {
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
                ItemKeys.instant(item.string(REGISTERED_AT)),
                item.has(REMIND_TWO_HOURS_BEFORE) && item.bool(REMIND_TWO_HOURS_BEFORE));
    }
}
