package com.medicarewizard.domain.availability;

import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.center.ExamType;
import com.medicarewizard.domain.center.Resource;
import com.medicarewizard.domain.center.ResourceKind;
import com.medicarewizard.domain.center.Site;
import com.medicarewizard.domain.reservation.RejectionReason;

import com.medicarewizard.domain.center.Closure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The rules a start must meet regardless of other bookings: on the grid in the site's local time,
 * far enough ahead, within the horizon, offered at the site, and with at least one resource of
 * every needed kind open (opening hours and closures) for the whole occupancy. The intake applies
 * them to reject at once what can never succeed; the allocator applies them again when deciding.
 */
public final class BookingRules {
    private final Center center;
    private final Map<LocalDate, List<Closure>> closuresByDay = new HashMap<>();
    private final Map<List<Object>, List<Resource>> candidates = new ConcurrentHashMap<>();

    public BookingRules(Center center) {
        this.center = center;
        for (Closure closure : center.closures()) {
            for (LocalDate d = closure.first(); !d.isAfter(closure.last()); d = d.plusDays(1)) {
                closuresByDay.computeIfAbsent(d, k -> new ArrayList<>()).add(closure);
            }
        }
    }

    private static volatile BookingRules latest;

    /**
     * The rules of {@code center}, built once per configuration: the closure calendar and the
     * candidate lists are derived from it, so every request of the same center shares them.
     */
    public static BookingRules of(Center center) {
        BookingRules rules = latest;
        if (rules == null || rules.center != center) {
            rules = new BookingRules(center);
            latest = rules;
        }
        return rules;
    }

    public Center center() {
        return center;
    }

    /**
     * The reason {@code start} can never be booked, judged at {@code asOf} (when the patient asked),
     * or empty when it can be, given free resources.
     */
    public Optional<RejectionReason> check(ExamType exam, Site site, Instant start, Instant asOf) {
        LocalDateTime local = LocalDateTime.ofInstant(start, site.zone());
        if (!onGrid(local) || start.getNano() != 0) {
            return Optional.of(RejectionReason.OFF_GRID);
        }
        if (start.isBefore(asOf.plus(center.policy().minimumNotice()))) {
            return Optional.of(RejectionReason.TOO_SOON);
        }
        if (start.isAfter(asOf.plus(center.policy().horizon()))) {
            return Optional.of(RejectionReason.BEYOND_HORIZON);
        }
        if (!center.sitesOffering(exam).contains(site)) {
            return Optional.of(RejectionReason.NOT_OFFERED);
        }
        Occupancy occupancy = Occupancy.of(exam, start);
        boolean everyKindOpen = exam.needs().stream()
                .allMatch(kind -> !openCandidates(exam, site, kind, occupancy).isEmpty());
        return everyKindOpen ? Optional.empty() : Optional.of(RejectionReason.CLOSED);
    }

    boolean onGrid(LocalDateTime local) {
        return onGrid(local.toLocalTime().toSecondOfDay());
    }

    /** Whether a start at this second of its local day is on the grid. */
    boolean onGrid(int secondOfDay) {
        return secondOfDay % center.policy().grid().toSeconds() == 0;
    }

    /** The kinds an exam needs, in a fixed order so every decision tries them alike. */
    public static List<ResourceKind> kindsInOrder(ExamType exam) {
        return exam.needs().stream().sorted(Comparator.comparing(ResourceKind::code)).toList();
    }

    /** Resources of {@code kind} at the site, able to do the exam and open for the whole occupancy. */
    public List<Resource> openCandidates(ExamType exam, Site site, ResourceKind kind, Occupancy occupancy) {
        Optional<LocalSpan> span = localSpan(site, occupancy);
        if (span.isEmpty()) {
            return List.of();
        }
        return candidates.computeIfAbsent(List.of(exam.code(), site.id(), kind),
                        k -> center.candidates(exam, site.id(), kind)).stream()
                .filter(r -> isOpen(r, span.get()))
                .toList();
    }

    /** Open means: one opening period of that local day holds the whole occupancy, and no closure that day. */
    public boolean isOpen(Resource resource, Site site, Occupancy occupancy) {
        return localSpan(site, occupancy).map(span -> isOpen(resource, span)).orElse(false);
    }

    boolean isOpen(Resource resource, LocalSpan span) {
        if (!resource.hours().covers(span.day().getDayOfWeek(), span.from(), span.to())) {
            return false;
        }
        List<Closure> closures = closuresByDay.get(span.day());
        return closures == null || closures.stream().noneMatch(c -> c.closes(resource, span.day()));
    }

    /** An occupancy as wall-clock times of one local day; empty when it spans two days. */
    record LocalSpan(LocalDate day, LocalTime from, LocalTime to) {
    }

    static Optional<LocalSpan> localSpan(Site site, Occupancy occupancy) {
        return localSpan(LocalDateTime.ofInstant(occupancy.from(), site.zone()),
                LocalDateTime.ofInstant(occupancy.to(), site.zone()));
    }

    /** The span of an occupancy given as the local date-times of its ends. */
    static Optional<LocalSpan> localSpan(LocalDateTime from, LocalDateTime to) {
        boolean sameDay = to.toLocalDate().equals(from.toLocalDate());
        if (!sameDay && !(to.toLocalTime().equals(LocalTime.MIDNIGHT) && to.toLocalDate().equals(from.toLocalDate().plusDays(1)))) {
            return Optional.empty();
        }
        LocalTime start = from.toLocalTime();
        LocalTime end = sameDay ? to.toLocalTime() : LocalTime.MAX;
        if (end.isBefore(start)) {
            // the span crosses the autumn change, when the wall clock runs an hour back
            return Optional.of(new LocalSpan(from.toLocalDate(), end, start));
        }
        return Optional.of(new LocalSpan(from.toLocalDate(), start, end));
    }
}
