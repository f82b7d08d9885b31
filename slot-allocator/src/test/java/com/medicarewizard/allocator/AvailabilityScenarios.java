package com.medicarewizard.allocator;

import static com.medicarewizard.allocator.AvailabilityScenario.ROME;

import com.medicarewizard.allocator.AvailabilityScenario.Held;
import com.medicarewizard.domain.center.BookingPolicy;
import com.medicarewizard.domain.center.ExamType;
import com.medicarewizard.domain.center.OpeningHours;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Draws {@link AvailabilityScenario}s, most of them on a daylight-saving change day in Rome (the
 * last Sunday of March or October), with hours that straddle the changed hour, breaks, buffers,
 * closures, grids from 5 minutes to 2 hours (45 and 90 minutes too) and questions asked from three days before to during the day.
 */
final class AvailabilityScenarios {
    private static final List<LocalDate> CHANGE_DAYS = List.of(LocalDate.of(2027, 3, 28), LocalDate.of(2027, 10, 31),
            LocalDate.of(2028, 3, 26), LocalDate.of(2028, 10, 29), LocalDate.of(2029, 3, 25), LocalDate.of(2029, 10, 28));

    private AvailabilityScenarios() {
    }

    static Arbitrary<AvailabilityScenario> scenarios() {
        Arbitrary<LocalDate> days = days();
        Arbitrary<Integer> closures = Arbitraries.frequency(Tuple.of(6, 0), Tuple.of(1, 1), Tuple.of(1, 2));
        Arbitrary<List<Held>> held = Combinators.combine(Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(0, 95), Arbitraries.integers().between(1, 48))
                .as(Held::new).list().ofMaxSize(12);
        return Combinators.combine(policies(), exams(), hours().list().ofMinSize(1).ofMaxSize(4), days, closures,
                        Arbitraries.integers().between(-3 * 24 * 60, 24 * 60), Arbitraries.of(0, 0, 30), held)
                .as((policy, exam, hours, day, closure, minutes, seconds, cells) -> new AvailabilityScenario(policy,
                        exam, hours, day, closure, day.atStartOfDay(ROME).toInstant()
                        .plus(Duration.ofMinutes(minutes)).plusSeconds(seconds), cells));
    }

    private static Arbitrary<LocalDate> days() {
        Arbitrary<LocalDate> change = Arbitraries.of(CHANGE_DAYS);
        Arbitrary<LocalDate> nextToChange = change.flatMap(d -> Arbitraries.of(d.minusDays(1), d.plusDays(1)));
        Arbitrary<LocalDate> any = Arbitraries.integers().between(0, 3 * 365).map(n -> LocalDate.of(2027, 1, 1).plusDays(n));
        return Arbitraries.frequencyOf(Tuple.of(6, change), Tuple.of(1, nextToChange), Tuple.of(2, any));
    }

    private static Arbitrary<BookingPolicy> policies() {
        return Combinators.combine(Arbitraries.of(5, 10, 15, 20, 30, 45, 60, 90, 120), Arbitraries.of(0, 5, 30, 120, 1440),
                        Arbitraries.of(1, 2, 3))
                .as((grid, notice, horizon) -> new BookingPolicy(Duration.ofMinutes(grid), Duration.ofMinutes(notice),
                        Duration.ofDays(horizon), 62));
    }

    private static Arbitrary<ExamType> exams() {
        Arbitrary<Integer> cells = Arbitraries.integers().between(0, 4);
        return Combinators.combine(Arbitraries.integers().between(1, 24), cells, cells,
                        Arbitraries.of(Set.of(AvailabilityScenario.ROOM),
                                Set.of(AvailabilityScenario.ROOM, AvailabilityScenario.STAFF)))
                .as((duration, setUp, turnover, needs) -> new ExamType(AvailabilityScenario.EXAM, "Exam",
                        Duration.ofMinutes(5L * duration), "None.", Duration.ofMinutes(5L * setUp),
                        Duration.ofMinutes(5L * turnover), needs));
    }

    /** All day; one or two periods of quarter-hours (a break between), every day or not on Sundays; the night. */
    private static Arbitrary<OpeningHours> hours() {
        Arbitrary<List<OpeningHours.Period>> allDay = Arbitraries.just(List.of(period(0, 96)));
        Arbitrary<List<OpeningHours.Period>> night = Arbitraries.just(List.of(period(0, 16)));
        Arbitrary<List<OpeningHours.Period>> drawn = Arbitraries.integers().between(0, 96).set().ofSize(4)
                .map(set -> set.stream().sorted().toList())
                .flatMap(q -> Arbitraries.of(List.of(period(q.get(0), q.get(3))),
                        List.of(period(q.get(0), q.get(1)), period(q.get(2), q.get(3)))));
        return Combinators.combine(Arbitraries.oneOf(allDay, night, drawn), Arbitraries.of(true, false))
                .as(AvailabilityScenarios::week);
    }

    private static OpeningHours.Period period(int fromQuarter, int toQuarter) {
        return new OpeningHours.Period(LocalTime.MIN.plusMinutes(15L * fromQuarter),
                toQuarter == 96 ? LocalTime.MAX : LocalTime.MIN.plusMinutes(15L * toQuarter));
    }

    private static OpeningHours week(List<OpeningHours.Period> periods, boolean sundays) {
        Map<DayOfWeek, List<OpeningHours.Period>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (sundays || day != DayOfWeek.SUNDAY) {
                week.put(day, periods);
            }
        }
        return new OpeningHours(week);
    }
}
