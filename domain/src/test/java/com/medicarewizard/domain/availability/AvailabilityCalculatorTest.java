package com.medicarewizard.domain.availability;

import com.medicarewizard.domain.CenterMother;
import com.medicarewizard.domain.center.BookingPolicy;
import com.medicarewizard.domain.center.Cell;
import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.center.ExamType;
import com.medicarewizard.domain.center.ResourceId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AvailabilityCalculatorTest {
    private final Center center = CenterMother.center();
    private final BookingRules rules = new BookingRules(center);
    private final AvailabilityCalculator calculator = new AvailabilityCalculator(rules);
    private final Instant now = Instant.parse("2027-01-10T08:00:00Z");
    private final ExamType mri = center.examType(CenterMother.MRI).orElseThrow();
    private final ExamType ecg = center.examType(CenterMother.ECG).orElseThrow();

    private List<Slot> slots(ExamType exam, LocalDate from, LocalDate to, TakenCells taken) {
        return calculator.compute(exam, center.sites(), from, to, now, taken);
    }

    @Test
    void springForwardDayHasNoStartInTheSkippedHourAndNoDuplicates() {
        LocalDate day = LocalDate.of(2027, 3, 28);
        List<Slot> slots = slots(ecg, day, day, TakenCells.none());
        assertNoDuplicateStarts(slots);
        // 23 real hours of an every-day resource on a 15-minute grid, less 23:45 whose turnover crosses midnight
        assertThat(slots).hasSize(23 * 4 - 1);
        assertThat(slots).noneMatch(s -> local(s).getHour() == 2);
        assertThat(offsetOf(slots, 1, 45)).isEqualTo(ZoneOffset.ofHours(1));
        assertThat(offsetOf(slots, 3, 0)).isEqualTo(ZoneOffset.ofHours(2));
        assertThat(Duration.between(startAt(slots, 1, 45), startAt(slots, 3, 0))).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void fallBackDayHasBothInstantsOfTheRepeatedHourOnce() {
        LocalDate day = LocalDate.of(2027, 10, 31);
        List<Slot> slots = calculator.compute(ecg, center.sites(), day, day, Instant.parse("2027-10-01T00:00:00Z"),
                TakenCells.none());
        assertNoDuplicateStarts(slots);
        assertThat(slots).hasSize(25 * 4 - 1);
        List<ZoneOffset> atTwo = slots.stream().filter(s -> local(s).getHour() == 2 && local(s).getMinute() == 30)
                .map(s -> s.start().atZone(CenterMother.ROME).getOffset()).toList();
        assertThat(atTwo).containsExactly(ZoneOffset.ofHours(2), ZoneOffset.ofHours(1));
    }

    @Test
    void startsRespectOpeningHoursLunchBreakAndBuffers() {
        LocalDate monday = LocalDate.of(2027, 1, 11);
        List<Slot> slots = slots(mri, monday, monday, TakenCells.none());
        // occupancy 5 + 30 + 10: first start 08:05 is off-grid, so 08:15; last start before lunch ends 12:50 → 12:15
        assertThat(local(slots.getFirst())).isEqualTo(monday.atTime(8, 15));
        assertThat(slots).noneMatch(s -> local(s).isAfter(monday.atTime(12, 15)) && local(s).isBefore(monday.atTime(14, 5)));
        assertThat(slots).allMatch(s -> s.available() == 1);
    }

    @Test
    void availableIsTheLeastOverKindsAndFallsWhenCellsAreTaken() {
        LocalDate monday = LocalDate.of(2027, 1, 11);
        Instant start = ZonedDateTime.of(monday.atTime(10, 0), CenterMother.ROME).toInstant();
        List<Cell> radiographerBusy = Occupancy.of(mri, start).cells(new ResourceId("RAD-1"));
        List<Slot> slots = slots(mri, monday, monday, new TakenCells(radiographerBusy));
        assertThat(slots.stream().filter(s -> s.start().equals(start)).findFirst().orElseThrow().available()).isZero();
        // the turnover buffer keeps 10:30 out too; 10:45 is free again (10:40 setup after 10:40 end of turnover)
        assertThat(availableAt(slots, monday.atTime(10, 30))).isZero();
        assertThat(availableAt(slots, monday.atTime(10, 45))).isEqualTo(1);
        assertThat(availableAt(slots, monday.atTime(9, 30))).isZero();
        assertThat(availableAt(slots, monday.atTime(9, 15))).isEqualTo(1);
    }

    @Test
    void closureAndSundayAndNoticeAndHorizonHaveNoStarts() {
        assertThat(slots(mri, CenterMother.HOLIDAY, CenterMother.HOLIDAY, TakenCells.none())).isEmpty();
        LocalDate sunday = LocalDate.of(2027, 1, 17);
        assertThat(slots(mri, sunday, sunday, TakenCells.none())).isEmpty();
        LocalDate today = LocalDate.of(2027, 1, 10);
        assertThat(slots(ecg, today, today, TakenCells.none()))
                .allMatch(s -> !s.start().isBefore(now.plus(Duration.ofHours(2))));
        LocalDate far = LocalDate.of(2027, 7, 10);
        assertThat(slots(ecg, far, far, TakenCells.none())).isEmpty();
    }

    @Test
    void aGridThatDoesNotDivideAnHourKeepsItsLocalStartsAfterTheSpringChange() {
        Center fortyFive = CenterMother.center(new BookingPolicy(Duration.ofMinutes(45), Duration.ZERO,
                Duration.ofDays(180), 62));
        LocalDate day = LocalDate.of(2027, 3, 28);
        List<Slot> slots = new AvailabilityCalculator(new BookingRules(fortyFive))
                .compute(ecg, fortyFive.sites(), day, day, now, TakenCells.none());
        // 00:00, 00:45, 01:30, then 03:00 (02:15 does not exist) and every 45 minutes to 23:15
        assertThat(slots).extracting(s -> local(s).toLocalTime().toSecondOfDay() % 2700).containsOnly(0);
        assertThat(slots).hasSize(32 - 1);
        assertThat(startAt(slots, 3, 0)).isNotNull();
    }

    @Test
    void withNoNoticeAStartAtTheMomentOfTheQuestionIsNotOffered() {
        Center noNotice = CenterMother.center(new BookingPolicy(Duration.ofMinutes(15), Duration.ZERO,
                Duration.ofDays(180), 62));
        Instant quarterPast = Instant.parse("2027-01-11T09:15:00Z");
        LocalDate monday = LocalDate.of(2027, 1, 11);
        List<Slot> slots = new AvailabilityCalculator(new BookingRules(noNotice))
                .compute(ecg, noNotice.sites(), monday, monday, quarterPast, TakenCells.none());
        assertThat(slots.getFirst().start()).isEqualTo(quarterPast.plus(Duration.ofMinutes(15)));
    }

    @Test
    void workGrowsWithTheRangeNotWithBookingsElsewhere() {
        List<Cell> farAway = new ArrayList<>();
        Instant base = Instant.parse("2027-05-03T08:00:00Z");
        for (int i = 0; i < 20_000; i++) {
            farAway.add(new Cell(new ResourceId("MRI-1"), base.plus(Cell.SIZE.multipliedBy(i))));
        }
        LocalDate monday = LocalDate.of(2027, 1, 11);
        assertThat(slots(mri, monday, monday, new TakenCells(farAway)))
                .isEqualTo(slots(mri, monday, monday, TakenCells.none()));
    }

    private static void assertNoDuplicateStarts(List<Slot> slots) {
        assertThat(new HashSet<>(slots.stream().map(Slot::start).toList())).hasSize(slots.size());
        assertThat(slots).isSortedAccordingTo((a, b) -> a.start().compareTo(b.start()));
    }

    private static LocalDateTime local(Slot s) {
        return LocalDateTime.ofInstant(s.start(), CenterMother.ROME);
    }

    private static ZoneOffset offsetOf(List<Slot> slots, int hour, int minute) {
        return startAt(slots, hour, minute).atZone(CenterMother.ROME).getOffset();
    }

    private static Instant startAt(List<Slot> slots, int hour, int minute) {
        return slots.stream().filter(s -> local(s).getHour() == hour && local(s).getMinute() == minute)
                .findFirst().orElseThrow().start();
    }

    private static int availableAt(List<Slot> slots, LocalDateTime local) {
        Instant start = ZonedDateTime.of(local, CenterMother.ROME).toInstant();
        return slots.stream().filter(s -> s.start().equals(start)).findFirst().orElseThrow().available();
    }
}
