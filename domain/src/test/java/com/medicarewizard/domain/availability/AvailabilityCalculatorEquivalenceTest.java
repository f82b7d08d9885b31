package com.medicarewizard.domain.availability;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.domain.CenterMother;
import com.medicarewizard.domain.center.BookingPolicy;
import com.medicarewizard.domain.center.Cell;
import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.center.Closure;
import com.medicarewizard.domain.center.ExamType;
import com.medicarewizard.domain.center.ExamTypeCode;
import com.medicarewizard.domain.center.OpeningHours;
import com.medicarewizard.domain.center.Resource;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.center.ResourceKind;
import com.medicarewizard.domain.center.Site;
import com.medicarewizard.domain.center.SiteId;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The calculator answers exactly as the one before issue 15 did ({@link ReferenceAvailabilityCalculator}),
 * on seeded random centers, ledgers and ranges: zones with hour and half-hour daylight-saving changes
 * and without any, grids from 5 minutes to 2 hours, breaks, closures, and ranges across the changes.
 */
class AvailabilityCalculatorEquivalenceTest {
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Rome"), ZoneId.of("Australia/Lord_Howe"),
            ZoneId.of("America/St_Johns"), ZoneId.of("UTC"), ZoneId.of("Asia/Kolkata"), ZoneId.of("America/New_York"));
    private static final int[] GRID_MINUTES = {5, 10, 15, 20, 30, 45, 60, 90, 120};
    private static final ResourceKind SCANNER = new ResourceKind("SCANNER");
    private static final ResourceKind STAFF = new ResourceKind("STAFF");
    private static final ExamTypeCode EXAM = new ExamTypeCode("EXAM");

    @Test
    void answersAsTheCalculatorBeforeOnRandomCentersLedgersAndRanges() {
        Random random = new Random(15);
        int compared = 0;
        for (int round = 0; round < 300; round++) {
            Center center = randomCenter(random);
            ExamType exam = center.examType(EXAM).orElseThrow();
            LocalDate from = LocalDate.of(2027, 1, 1).plusDays(random.nextInt(365));
            if (random.nextInt(3) == 0) {
                // daylight-saving days of the northern and southern zones
                from = List.of(LocalDate.of(2027, 3, 27), LocalDate.of(2027, 10, 30), LocalDate.of(2027, 4, 3),
                        LocalDate.of(2027, 3, 13), LocalDate.of(2027, 11, 6)).get(random.nextInt(5));
            }
            LocalDate to = from.plusDays(random.nextInt(10));
            Instant now = from.atStartOfDay(ZoneId.of("UTC")).toInstant()
                    .minus(Duration.ofMinutes(random.nextInt(3 * 24 * 60)));
            TakenCells taken = randomTaken(random, center, from);
            BookingRules rules = new BookingRules(center);
            List<Slot> expected = new ReferenceAvailabilityCalculator(rules)
                    .compute(exam, center.sites(), from, to, now, taken);
            List<Slot> actual = new AvailabilityCalculator(rules).compute(exam, center.sites(), from, to, now, taken);
            assertThat(actual).as("round %d, %s..%s at %s", round, from, to, center.sites()).isEqualTo(expected);
            compared += expected.size();
        }
        assertThat(compared).as("starts compared").isGreaterThan(10_000);
    }

    @Test
    void answersAsTheCalculatorBeforeForTheCenterOfTheTests() {
        Center center = CenterMother.center();
        BookingRules rules = new BookingRules(center);
        Random random = new Random(7);
        for (ExamType exam : center.examTypes()) {
            for (LocalDate from : List.of(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 10, 20),
                    LocalDate.of(2027, 12, 20))) {
                TakenCells taken = randomTaken(random, center, from);
                Instant now = Instant.parse("2027-01-10T08:00:00Z");
                assertThat(new AvailabilityCalculator(rules).compute(exam, center.sites(), from, from.plusDays(30), now,
                        taken)).isEqualTo(new ReferenceAvailabilityCalculator(rules)
                        .compute(exam, center.sites(), from, from.plusDays(30), now, taken));
            }
        }
    }

    private static Center randomCenter(Random random) {
        List<Site> sites = new ArrayList<>();
        List<Resource> resources = new ArrayList<>();
        List<Closure> closures = new ArrayList<>();
        int siteCount = 1 + random.nextInt(2);
        for (int s = 0; s < siteCount; s++) {
            SiteId site = new SiteId("S" + s);
            sites.add(new Site(site, "Site " + s, "Via " + s, ZONES.get(random.nextInt(ZONES.size()))));
            for (int r = 0; r < 1 + random.nextInt(3); r++) {
                resources.add(new Resource(new ResourceId("SCAN-" + s + "-" + r), site, "Scanner", SCANNER, Set.of(EXAM),
                        randomHours(random)));
                resources.add(new Resource(new ResourceId("STAFF-" + s + "-" + r), site, "Staff", STAFF, Set.of(EXAM),
                        randomHours(random)));
            }
            if (random.nextBoolean()) {
                LocalDate day = LocalDate.of(2027, 1, 1).plusDays(random.nextInt(365));
                closures.add(Closure.ofSite(site, day, day.plusDays(random.nextInt(3)), "closed"));
            }
        }
        Duration grid = Duration.ofMinutes(GRID_MINUTES[random.nextInt(GRID_MINUTES.length)]);
        ExamType exam = new ExamType(EXAM, "Exam", Duration.ofMinutes(5L * (1 + random.nextInt(12))), "",
                Duration.ofMinutes(5L * random.nextInt(3)), Duration.ofMinutes(5L * random.nextInt(3)),
                random.nextBoolean() ? Set.of(SCANNER, STAFF) : Set.of(SCANNER));
        BookingPolicy policy = new BookingPolicy(grid, Duration.ofMinutes(5L * random.nextInt(30)),
                Duration.ofDays(30 + random.nextInt(300)), 62);
        return new Center(sites, List.of(exam), resources, closures, policy);
    }

    private static OpeningHours randomHours(Random random) {
        Map<DayOfWeek, List<OpeningHours.Period>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            switch (random.nextInt(4)) {
                case 0 -> { } // closed that day
                case 1 -> week.put(day, List.of(new OpeningHours.Period(LocalTime.MIDNIGHT, LocalTime.MAX)));
                default -> {
                    int open = random.nextInt(10);
                    int lunch = open + 2 + random.nextInt(4);
                    week.put(day, List.of(new OpeningHours.Period(LocalTime.of(open, 0), LocalTime.of(lunch, 30)),
                            new OpeningHours.Period(LocalTime.of(lunch + 1, 15), LocalTime.of(23, 0))));
                }
            }
        }
        return new OpeningHours(week);
    }

    private static TakenCells randomTaken(Random random, Center center, LocalDate around) {
        List<Cell> cells = new ArrayList<>();
        Instant start = around.minusDays(1).atStartOfDay(ZoneId.of("UTC")).toInstant();
        for (Resource resource : center.resources()) {
            for (int i = 0; i < random.nextInt(400); i++) {
                cells.add(new Cell(resource.id(), start.plus(Cell.SIZE.multipliedBy(random.nextInt(12 * 24 * 12)))));
            }
        }
        return random.nextInt(5) == 0 ? TakenCells.none() : new TakenCells(cells);
    }
}
