package com.medicarewizard.adapter.table;

import static com.medicarewizard.table.layout.ItemLayout.BEFORE;
import static com.medicarewizard.table.layout.ItemLayout.ENTRY_ID;
import static com.medicarewizard.table.layout.ItemLayout.EXAM_TYPE;
import static com.medicarewizard.table.layout.ItemLayout.JOINED_AT;
import static com.medicarewizard.table.layout.ItemLayout.OFFERED;
import static com.medicarewizard.table.layout.ItemLayout.PATIENT_ID;
import static com.medicarewizard.table.layout.ItemLayout.PK;
import static com.medicarewizard.table.layout.ItemLayout.SITE;
import static com.medicarewizard.table.layout.ItemLayout.SK;
import static com.medicarewizard.table.layout.ItemLayout.TYPE;
import static com.medicarewizard.table.layout.ItemLayout.WAITLIST;

import com.medicarewizard.domain.center.ExamTypeCode;
import com.medicarewizard.domain.center.SiteId;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.waitlist.WaitlistEntry;
import com.medicarewizard.port.Waitlist;
import com.medicarewizard.table.Condition;
import com.medicarewizard.table.ConditionFailedException;
import com.medicarewizard.table.Item;
import com.medicarewizard.table.ItemTable;
import com.medicarewizard.table.Key;
import com.medicarewizard.table.Query;
import com.medicarewizard.table.SortRange;
import com.medicarewizard.table.Update;
import com.medicarewizard.table.layout.ItemKeys;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link Waitlist} in the item table: one partition, {@code WAITLIST}, whose sort key starts with the
 * exam type and then the instant the entry joined, so the entries waiting for an exam are one query in
 * joining order. A patient's own entries, and an entry by id, are read from the whole partition: a
 * center's waitlist is hundreds of entries, read by a patient's page or an offer, never in a booking's path.
 * Joining reads the patient's entries first, so two joins of one patient at the same instant may both pass
 * the per-patient limit; each is still a whole entry.
 */
public final class TableWaitlist implements Waitlist {
    private static final int MARK_ATTEMPTS = 5;
    private final ItemTable table;

    public TableWaitlist(ItemTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public Joined join(WaitlistEntry entry) {
        List<WaitlistEntry> own = ofPatient(entry.patient());
        if (own.stream().anyMatch(e -> e.examType().equals(entry.examType()) && e.site().equals(entry.site()))) {
            return Joined.ALREADY_WAITING;
        }
        if (own.size() >= WaitlistEntry.MAX_PER_PATIENT) {
            return Joined.TOO_MANY;
        }
        table.put(item(entry), Condition.absent());
        return Joined.JOINED;
    }

    @Override
    public List<WaitlistEntry> ofPatient(PatientId patient) {
        return all().stream().filter(e -> e.patient().equals(patient)).toList();
    }

    @Override
    public Optional<WaitlistEntry> find(String id) {
        return all().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    @Override
    public List<WaitlistEntry> waiting(ExamTypeCode examType) {
        return table.query(Query.table(WAITLIST, SortRange.beginsWith(examType.value() + "#"))).stream()
                .map(TableWaitlist::entry).toList();
    }

    @Override
    public boolean leave(PatientId patient, String id) {
        Optional<WaitlistEntry> entry = find(id).filter(e -> e.patient().equals(patient));
        if (entry.isEmpty()) {
            return false;
        }
        return table.delete(key(entry.get()), Condition.equals(PATIENT_ID, patient.value())).isPresent();
    }

    /**
     * Adds the time to the entry's list as stored now: a write conditional on the list it read, read again when
     * another write came first, so two notifiers marking two times at once lose neither. An entry gone meanwhile
     * is not written back.
     */
    @Override
    public void markOffered(WaitlistEntry entry, Reservation freed) {
        for (int attempt = 1; attempt <= MARK_ATTEMPTS; attempt++) {
            Optional<Item> stored = table.get(key(entry));
            if (stored.isEmpty()) {
                return;
            }
            List<String> before = stored.get().strings(OFFERED);
            if (before.contains(WaitlistEntry.slot(freed))) {
                return;
            }
            List<String> after = new ArrayList<>(before);
            after.add(WaitlistEntry.slot(freed));
            after.sort(null);
            try {
                table.update(key(entry), new Update(List.of(new Update.SetValue(OFFERED, after))),
                        Condition.equals(OFFERED, before));
                return;
            } catch (ConditionFailedException changed) {
                // another time marked, or the entry left, meanwhile: read it again
            }
        }
        throw new com.medicarewizard.port.ContendedWriteException("waitlist entry " + entry.id() + " kept changing", null);
    }

    @Override
    public void remove(String id) {
        find(id).ifPresent(entry -> table.delete(key(entry), Condition.always()));
    }

    @Override
    public void removeAll(PatientId patient) {
        ofPatient(patient).forEach(entry -> table.delete(key(entry), Condition.always()));
    }

    private List<WaitlistEntry> all() {
        return table.query(Query.table(WAITLIST, SortRange.all())).stream().map(TableWaitlist::entry).toList();
    }

    private static Key key(WaitlistEntry entry) {
        return new Key(WAITLIST, entry.examType().value() + "#" + ItemKeys.instant(entry.joinedAt()) + "#" + entry.id());
    }

    private static Item item(WaitlistEntry entry) {
        Map<String, Object> item = new LinkedHashMap<>();
        Key key = key(entry);
        item.put(PK, key.pk());
        item.put(SK, key.sk());
        item.put(TYPE, WAITLIST);
        item.put(ENTRY_ID, entry.id());
        item.put(PATIENT_ID, entry.patient().value());
        item.put(EXAM_TYPE, entry.examType().value());
        entry.site().ifPresent(site -> item.put(SITE, site.value()));
        item.put(BEFORE, entry.before().toString());
        item.put(JOINED_AT, ItemKeys.instant(entry.joinedAt()));
        item.put(OFFERED, entry.offered().stream().sorted().toList());
        return Item.of(item);
    }

    private static WaitlistEntry entry(Item item) {
        return new WaitlistEntry(item.string(ENTRY_ID), new PatientId(item.string(PATIENT_ID)),
                new ExamTypeCode(item.string(EXAM_TYPE)), item.optString(SITE).map(SiteId::new),
                LocalDate.parse(item.string(BEFORE)), ItemKeys.instant(item.string(JOINED_AT)),
                new HashSet<>(item.strings(OFFERED)));
    }
}
