package com.medicarewizard.performance;

import com.medicarewizard.adapter.table.TableSlotLedger;
import com.medicarewizard.adapter.embedded.EmbeddedTables;
import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.adapter.embedded.table.TableOptions;
import com.medicarewizard.domain.availability.AvailabilityCalculator;
import com.medicarewizard.domain.availability.BookingRules;
import com.medicarewizard.domain.availability.Occupancy;
import com.medicarewizard.domain.availability.TakenCells;
import com.medicarewizard.domain.center.BookingPolicy;
import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.center.ExamType;
import com.medicarewizard.domain.center.ExamTypeCode;
import com.medicarewizard.domain.center.OpeningHours;
import com.medicarewizard.domain.center.Resource;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.center.ResourceKind;
import com.medicarewizard.domain.center.Site;
import com.medicarewizard.domain.center.SiteId;
import com.medicarewizard.domain.reservation.ReservationId;

import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * Availability of one exam over 31 days at a site of 12 resources (6 scanners, 6 radiographers),
 * with a given number of existing bookings spread over the 180-day horizon: the ledger read of
 * the month's cells plus the calculation, as the intake's availability route does them.
 */
final class AvailabilityBenchmark {
    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    private static final ExamTypeCode MRI = new ExamTypeCode("MRI");
    private static final int ITERATIONS = Integer.getInteger("mcw.bench.iterations", 300);
    private final Instant now = Instant.parse("2027-01-04T06:00:00Z");

    List<Figures> run(int... bookingCounts) throws Exception {
        List<Figures> results = new ArrayList<>();
        for (int bookings : bookingCounts) {
            results.add(measure(bookings));
        }
        return results;
    }

    private Figures measure(int bookings) throws Exception {
        Path dir = Files.createTempDirectory("mcw-availability");
        Center center = center();
        ExamType exam = center.examType(MRI).orElseThrow();
        // a read benchmark: its seeded bookings need not survive power loss, so no force per booking
        try (EmbeddedTable table = EmbeddedTables.open(dir, TableOptions.defaults().withSyncOnCommit(false))) {
            TableSlotLedger ledger = new TableSlotLedger(table);
            book(ledger, center, exam, bookings);
            AvailabilityCalculator calculator = new AvailabilityCalculator(BookingRules.of(center));
            List<ResourceId> resources = center.resources().stream().map(Resource::id).toList();
            LocalDate from = LocalDate.of(2027, 2, 1);
            LocalDate to = from.plusDays(30);
            Instant spanFrom = from.atStartOfDay(ROME).toInstant().minus(Duration.ofHours(1));
            Instant spanTo = to.plusDays(1).atStartOfDay(ROME).toInstant().plus(Duration.ofHours(1));
            List<Long> nanos = new ArrayList<>();
            List<Long> readNanos = new ArrayList<>();
            int slots = 0;
            for (int i = 0; i < ITERATIONS; i++) {
                long t0 = System.nanoTime();
                TakenCells taken = ledger.taken(resources, spanFrom, spanTo);
                long t1 = System.nanoTime();
                slots = calculator.compute(exam, center.sites(), from, to, now, taken).size();
                if (i >= ITERATIONS / 3) {
                    nanos.add(System.nanoTime() - t0);
                    readNanos.add(t1 - t0);
                }
            }
            System.out.println("  of which the ledger read: " + Figures.of("", readNanos));
            return Figures.of("availability 31 d x 12 res, %5d bookings (%d starts)".formatted(bookings, slots), nanos);
        }
    }

    /** Books {@code bookings} exams at random over the 180 days from 2027-01-05 (the same ones for the same seed). */
    static void book(TableSlotLedger ledger, Center center, ExamType exam, int bookings) {
        Random random = new Random(42);
        List<Resource> scanners = center.resources().stream().filter(r -> r.kind().code().equals("SCANNER")).toList();
        List<Resource> staff = center.resources().stream().filter(r -> r.kind().code().equals("RADIOGRAPHER")).toList();
        int made = 0;
        while (made < bookings) {
            LocalDate day = LocalDate.of(2027, 1, 5).plusDays(random.nextInt(180));
            Instant start = day.atTime(7, 0).plusMinutes(15L * random.nextInt(48)).atZone(ROME).toInstant();
            ReservationId owner = ReservationId.random();
            Occupancy occupancy = Occupancy.of(exam, start);
            Resource scanner = scanners.get(random.nextInt(scanners.size()));
            Resource person = staff.get(random.nextInt(staff.size()));
            if (ledger.claim(owner, occupancy.cells(scanner.id()))) {
                if (ledger.claim(owner, occupancy.cells(person.id()))) {
                    made++;
                } else {
                    ledger.release(owner, occupancy.cells(scanner.id()));
                }
            }
        }
    }

    static Center center() {
        SiteId site = new SiteId("BENCH");
        ResourceKind scanner = new ResourceKind("SCANNER");
        ResourceKind radiographer = new ResourceKind("RADIOGRAPHER");
        ExamType mri = new ExamType(MRI, "MRI", Duration.ofMinutes(30), "", Duration.ofMinutes(5),
                Duration.ofMinutes(10), Set.of(scanner, radiographer));
        Map<DayOfWeek, List<OpeningHours.Period>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d != DayOfWeek.SUNDAY) {
                week.put(d, List.of(new OpeningHours.Period(LocalTime.of(7, 0), LocalTime.of(13, 0)),
                        new OpeningHours.Period(LocalTime.of(14, 0), LocalTime.of(20, 0))));
            }
        }
        OpeningHours hours = new OpeningHours(week);
        List<Resource> resources = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            resources.add(new Resource(new ResourceId("SCAN-" + i), site, "Scanner " + i, scanner, Set.of(MRI), hours));
            resources.add(new Resource(new ResourceId("RAD-" + i), site, "Radiographer " + i, radiographer, Set.of(MRI),
                    hours));
        }
        return new Center(List.of(new Site(site, "Bench", "Via Bench 1", ROME)), List.of(mri), resources, List.of(),
                BookingPolicy.standard());
    }
}
