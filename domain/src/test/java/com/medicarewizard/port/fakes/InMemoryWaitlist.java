package com.medicarewizard.port.fakes;

import com.medicarewizard.domain.center.ExamTypeCode;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.waitlist.WaitlistEntry;
import com.medicarewizard.port.Waitlist;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link Waitlist} in memory, for use cases' tests. */
public final class InMemoryWaitlist implements Waitlist {
    private final Map<String, WaitlistEntry> entries = new LinkedHashMap<>();

    @Override
    public synchronized Joined join(WaitlistEntry entry) {
        List<WaitlistEntry> own = ofPatient(entry.patient());
        if (own.stream().anyMatch(e -> e.examType().equals(entry.examType()) && e.site().equals(entry.site()))) {
            return Joined.ALREADY_WAITING;
        }
        if (own.size() >= WaitlistEntry.MAX_PER_PATIENT) {
            return Joined.TOO_MANY;
        }
        entries.put(entry.id(), entry);
        return Joined.JOINED;
    }

    @Override
    public synchronized List<WaitlistEntry> ofPatient(PatientId patient) {
        return entries.values().stream().filter(e -> e.patient().equals(patient)).toList();
    }

    @Override
    public synchronized Optional<WaitlistEntry> find(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    @Override
    public synchronized List<WaitlistEntry> waiting(ExamTypeCode examType) {
        return entries.values().stream().filter(e -> e.examType().equals(examType))
                .sorted(Comparator.comparing(WaitlistEntry::joinedAt)).toList();
    }

    @Override
    public synchronized boolean leave(PatientId patient, String id) {
        return find(id).filter(e -> e.patient().equals(patient)).map(e -> entries.remove(id) != null).orElse(false);
    }

    @Override
    public synchronized void markOffered(WaitlistEntry entry, Reservation freed) {
        entries.computeIfPresent(entry.id(), (id, stored) -> stored.offered(freed));
    }

    @Override
    public synchronized void remove(String id) {
        entries.remove(id);
    }

    @Override
    public synchronized void removeAll(PatientId patient) {
        entries.values().removeIf(e -> e.patient().equals(patient));
    }
}
