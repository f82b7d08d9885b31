package com.medicarewizard.domain.availability;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Optional;

/**
 * Local date-times of many instants of one zone, as {@link LocalDateTime#ofInstant} gives them,
 * with the zone's offset looked up once per stretch between two of its transitions rather than
 * once per instant. A month of availability asks for three local times per start (about 9,000);
 * each lookup of a year past the zone's last listed transition boxes the year and reads a shared
 * cache, which was a fifth of the calculation (issue 15). Not thread-safe: one per calculation.
 */
final class LocalClock {
    private static final long DAY_SECONDS = 86_400;
    private final ZoneRules rules;
    /** The stretch {@code [validFrom, validTo)}, in epoch seconds, where {@link #offset} holds. */
    private long validFrom = Long.MAX_VALUE;
    private long validTo = Long.MIN_VALUE;
    private ZoneOffset offset;
    /** The wall-clock times of whole minutes met so far, and the last local day: made once, not per start. */
    private final LocalTime[] minutes = new LocalTime[(int) (DAY_SECONDS / 60)];
    private long lastEpochDay = Long.MIN_VALUE;
    private LocalDate lastDay;

    LocalClock(ZoneId zone) {
        this.rules = zone.getRules();
    }

    LocalDateTime local(Instant instant) {
        return LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), offsetAt(instant));
    }

    /** The second of its local day at which {@code instant} falls (its nanoseconds left out). */
    int secondOfDay(Instant instant) {
        return (int) Math.floorMod(localSecond(instant), DAY_SECONDS);
    }

    /**
     * {@link BookingRules#localSpan(LocalDateTime, LocalDateTime)} of the local date-times of
     * {@code from} and {@code to}, made of dates and times this clock keeps rather than new ones for
     * each occupancy (a month of availability asks for some 9,000).
     */
    Optional<BookingRules.LocalSpan> span(Instant from, Instant to) {
        if (from.getNano() != 0 || to.getNano() != 0) {
            return BookingRules.localSpan(local(from), local(to));
        }
        long start = localSecond(from);
        long end = localSecond(to);
        long day = Math.floorDiv(start, DAY_SECONDS);
        long endDay = Math.floorDiv(end, DAY_SECONDS);
        int startSecond = (int) Math.floorMod(start, DAY_SECONDS);
        int endSecond = (int) Math.floorMod(end, DAY_SECONDS);
        boolean sameDay = day == endDay;
        if (!sameDay && !(endSecond == 0 && endDay == day + 1)) {
            return Optional.empty();
        }
        LocalTime first = time(startSecond);
        LocalTime last = sameDay ? time(endSecond) : LocalTime.MAX;
        // the span crosses the autumn change, when the wall clock runs an hour back
        return Optional.of(last.isBefore(first) ? new BookingRules.LocalSpan(day(day), last, first)
                : new BookingRules.LocalSpan(day(day), first, last));
    }

    private long localSecond(Instant instant) {
        return instant.getEpochSecond() + offsetAt(instant).getTotalSeconds();
    }

    private ZoneOffset offsetAt(Instant instant) {
        long second = instant.getEpochSecond();
        if (second < validFrom || second >= validTo) {
            lookUp(instant);
        }
        return offset;
    }

    private LocalDate day(long epochDay) {
        if (epochDay != lastEpochDay) {
            lastDay = LocalDate.ofEpochDay(epochDay);
            lastEpochDay = epochDay;
        }
        return lastDay;
    }

    private LocalTime time(int secondOfDay) {
        if (secondOfDay % 60 != 0) {
            return LocalTime.ofSecondOfDay(secondOfDay);
        }
        LocalTime time = minutes[secondOfDay / 60];
        if (time == null) {
            time = LocalTime.ofSecondOfDay(secondOfDay);
            minutes[secondOfDay / 60] = time;
        }
        return time;
    }

    /**
     * Transitions fall on whole seconds, so the offset of any instant within its second is that of
     * the second; the last transition at or before it starts the stretch, the next one after ends it.
     */
    private void lookUp(Instant instant) {
        long second = instant.getEpochSecond();
        offset = rules.getOffset(instant);
        ZoneOffsetTransition previous = rules.previousTransition(Instant.ofEpochSecond(second).plusSeconds(1));
        ZoneOffsetTransition next = rules.nextTransition(Instant.ofEpochSecond(second));
        validFrom = previous == null ? Long.MIN_VALUE : previous.toEpochSecond();
        validTo = next == null ? Long.MAX_VALUE : next.toEpochSecond();
        if (second < validFrom || second >= validTo) {
            // never expected; a stretch of this one second keeps every answer right
            validFrom = second;
            validTo = second + 1;
        }
    }
}
