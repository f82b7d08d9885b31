package com.medicarewizard.domain.availability;

import com.medicarewizard.domain.center.ExamType;
import com.medicarewizard.domain.center.Resource;
import com.medicarewizard.domain.center.ResourceKind;
import com.medicarewizard.domain.center.Site;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Free start times of an exam over local dates {@code [from, to]}, per site. Starts are walked in
 * absolute time from each local midnight, so a daylight-saving day yields each real instant once:
 * the skipped hour has no starts, the repeated hour has both of its instants. A start's
 * {@code available} is the least, over the needed kinds, of the open resources whose cells are free.
 * The work grows with days × starts × resources, never with the bookings outside the range.
 */
public final class AvailabilityCalculator {
    private static final long HALF_HOUR_SECONDS = 1800;
    private final BookingRules rules;

    public AvailabilityCalculator(BookingRules rules) {
        this.rules = rules;
    }

    public List<Slot> compute(ExamType exam, List<Site> sites, LocalDate from, LocalDate to,
                              Instant now, TakenCells taken) {
        List<Slot> slots = new ArrayList<>();
        for (Site site : sites) {
            if (!rules.center().sitesOffering(exam).contains(site)) {
                continue;
            }
            Map<ResourceKind, List<Resource>> candidates = new LinkedHashMap<>();
            for (ResourceKind kind : BookingRules.kindsInOrder(exam)) {
                candidates.put(kind, rules.center().candidates(exam, site.id(), kind));
            }
            LocalClock clock = new LocalClock(site.zone());
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                addDay(exam, site, clock, candidates, day, now, taken, slots);
            }
        }
        slots.sort(Comparator.comparing(Slot::start).thenComparing(s -> s.site().id().value()));
        return slots;
    }

    private void addDay(ExamType exam, Site site, LocalClock clock, Map<ResourceKind, List<Resource>> candidates,
                        LocalDate day, Instant now, TakenCells taken, List<Slot> out) {
        Instant dayEnd = day.plusDays(1).atStartOfDay(site.zone()).toInstant();
        Instant earliest = now.plus(rules.center().policy().minimumNotice());
        Instant latest = now.plus(rules.center().policy().horizon());
        Duration step = step();
        for (Instant start = day.atStartOfDay(site.zone()).toInstant(); start.isBefore(dayEnd);
             start = start.plus(step)) {
            // a start must be ahead even with no notice: the allocator refuses one that is not
            if (!start.isAfter(now) || start.isBefore(earliest) || start.isAfter(latest)
                    || !rules.onGrid(clock.secondOfDay(start))) {
                continue;
            }
            int available = available(exam, clock, candidates, start, taken);
            if (available >= 0) {
                out.add(new Slot(start, start.plus(exam.duration()), site, available));
            }
        }
    }

    /**
     * The walk's step: the grid, or its largest divisor that also divides half an hour. A
     * daylight-saving change shifts the wall clock by an hour (half an hour in a few zones), so a
     * 45-, 90- or 120-minute grid walked in absolute time from midnight would miss every on-grid
     * local time after the change; this step reaches them all, and {@code onGrid} keeps only those.
     */
    private Duration step() {
        long grid = rules.center().policy().grid().toSeconds();
        return Duration.ofSeconds(BigInteger.valueOf(grid).gcd(BigInteger.valueOf(HALF_HOUR_SECONDS)).longValue());
    }

    /** -1 when some needed kind has no open resource then (not a bookable start at all). */
    private int available(ExamType exam, LocalClock clock, Map<ResourceKind, List<Resource>> candidates,
                          Instant start, TakenCells taken) {
        Occupancy occupancy = Occupancy.of(exam, start);
        var span = clock.span(occupancy.from(), occupancy.to());
        if (span.isEmpty()) {
            return -1;
        }
        int least = Integer.MAX_VALUE;
        for (List<Resource> ofKind : candidates.values()) {
            int open = 0;
            int free = 0;
            for (Resource r : ofKind) {
                if (rules.isOpen(r, span.get())) {
                    open++;
                    free += taken.isFree(r.id(), occupancy) ? 1 : 0;
                }
            }
            if (open == 0) {
                return -1;
            }
            least = Math.min(least, free);
        }
        return least;
    }
}
