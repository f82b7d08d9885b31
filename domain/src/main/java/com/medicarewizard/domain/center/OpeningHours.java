package com.medicarewizard.domain.center;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Weekly opening hours in the site's local time: per day, disjoint periods in order; the gaps
 * between them are breaks (e.g. lunch). A day without periods is closed.
 */
public record OpeningHours(Map<DayOfWeek, List<Period>> week) {

    /** An open period {@code [from, to)} of one day; {@code to} may be {@link LocalTime#MAX} for midnight. */
    public record Period(LocalTime from, LocalTime to) {
        public Period {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("an opening period must end after it starts");
            }
        }

        public boolean contains(LocalTime start, LocalTime end) {
            return !start.isBefore(from) && !end.isAfter(to) && !end.isBefore(start);
        }
    }

    public OpeningHours {
        EnumMap<DayOfWeek, List<Period>> copy = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, periods) -> copy.put(day, sortedDisjoint(periods)));
        // An EnumMap looks a day up by its ordinal: availability asks once per start and resource (35,000
        // times for a month of 12 resources), and the hashed immutable map was a tenth of that calculation.
        week = Collections.unmodifiableMap(copy);
    }

    private static List<Period> sortedDisjoint(List<Period> periods) {
        List<Period> sorted = periods.stream().sorted((a, b) -> a.from().compareTo(b.from())).toList();
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).from().isBefore(sorted.get(i - 1).to())) {
                throw new IllegalArgumentException("opening periods of one day must not overlap");
            }
        }
        return sorted;
    }

    public List<Period> on(DayOfWeek day) {
        return week.getOrDefault(day, List.of());
    }

    /** True when one open period of {@code day} holds the whole local span {@code [start, end]}. */
    public boolean covers(DayOfWeek day, LocalTime start, LocalTime end) {
        for (Period period : on(day)) {
            if (period.contains(start, end)) {
                return true;
            }
        }
        return false;
    }
}
