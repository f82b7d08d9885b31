package com.medicarewizard.domain.waitlist;

import com.medicarewizard.domain.center.ExamTypeCode;
import com.medicarewizard.domain.center.SiteId;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.Reservation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A patient's wish to be offered an earlier time: an exam type, at one site or any, starting before a
 * date (the site's midnight at its start). When a time that fits frees up, the waiting entries are
 * offered it in the order they joined ({@code joinedAt}); {@code offered} keeps the times the entry was
 * offered already, so that a lapsed or declined offer passes to the next entry and never comes back.
 */
public record WaitlistEntry(String id, PatientId patient, ExamTypeCode examType, Optional<SiteId> site,
                            LocalDate before, Instant joinedAt, Set<String> offered) {
    /** The most entries one patient keeps at once. */
    public static final int MAX_PER_PATIENT = 5;

    public WaitlistEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(examType, "exam type");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(joinedAt, "joined at");
        offered = Set.copyOf(offered);
        UUID.fromString(id);
    }

    /** A new entry of {@code patient}, joined at {@code now}. */
    public static WaitlistEntry join(PatientId patient, ExamTypeCode examType, Optional<SiteId> site, LocalDate before,
                                     Instant now) {
        return new WaitlistEntry(UUID.randomUUID().toString(), patient, examType, site, before, now, Set.of());
    }

    /** Parses untrusted text as an entry id; empty when it is none. */
    public static Optional<String> parseId(String text) {
        try {
            return text != null && text.length() == 36 ? Optional.of(UUID.fromString(text).toString()) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The name of a time as {@code offered} keeps it: its site and start. */
    public static String slot(Reservation r) {
        return r.site().value() + "@" + r.start();
    }

    /**
     * Whether the time {@code freed} held, at a site of zone {@code zone}, fits this entry: the same exam,
     * its site if one was asked for, before the date, not the entry's own patient's (who just gave it up),
     * and not offered to this entry before.
     */
    public boolean wants(Reservation freed, ZoneId zone) {
        return examType.equals(freed.examType()) && site.map(freed.site()::equals).orElse(true)
                && freed.start().isBefore(before.atStartOfDay(zone).toInstant())
                && !patient.equals(freed.patient()) && !offered.contains(slot(freed));
    }

    /** This entry, with {@code freed}'s time recorded as offered to it. */
    public WaitlistEntry offered(Reservation freed) {
        var more = new java.util.HashSet<>(offered);
        more.add(slot(freed));
        return new WaitlistEntry(id, patient, examType, site, before, joinedAt, more);
    }
}
