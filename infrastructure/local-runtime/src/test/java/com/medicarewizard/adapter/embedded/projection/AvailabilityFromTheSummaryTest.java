package com.medicarewizard.adapter.embedded.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.adapter.embedded.EmbeddedTables;
import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.adapter.embedded.table.TableOptions;
import com.medicarewizard.adapter.table.TableSlotLedger;
import com.medicarewizard.adapter.table.TableTakenCells;
import com.medicarewizard.domain.CenterMother;
import com.medicarewizard.domain.availability.AvailabilityCalculator;
import com.medicarewizard.domain.availability.BookingRules;
import com.medicarewizard.domain.availability.Occupancy;
import com.medicarewizard.domain.availability.Slot;
import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.center.ExamType;
import com.medicarewizard.domain.center.Resource;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.notifier.AvailabilityRebuild;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The calculator answers the same slots from availability's read model as from the ledger itself, for
 * every exam of the center over a fortnight that crosses the change to summer time (UTC days in the
 * summary, local days in the answer), with bookings of every exam at random.
 */
class AvailabilityFromTheSummaryTest {
    private static final LocalDate FIRST = LocalDate.of(2027, 3, 22);
    private static final LocalDate LAST = FIRST.plusDays(13);
    private static final Instant NOW = Instant.parse("2027-03-20T08:00:00Z");

    @TempDir
    Path directory;

    @Test
    void theCalculatorAnswersTheSameSlotsFromTheSummaryAsFromTheLedger() throws IOException {
        Center center = CenterMother.center();
        try (EmbeddedTable table = EmbeddedTables.open(directory, TableOptions.defaults().withSyncOnCommit(false))) {
            TableSlotLedger ledger = new TableSlotLedger(table);
            book(ledger, center, new Random(3), 300);
            TableTakenCells summary = new TableTakenCells(table);
            List<ResourceId> resources = center.resources().stream().map(Resource::id).toList();
            Instant from = FIRST.atStartOfDay(CenterMother.ROME).toInstant().minus(Duration.ofHours(2));
            Instant to = LAST.plusDays(1).atStartOfDay(CenterMother.ROME).toInstant().plus(Duration.ofHours(2));
            new AvailabilityRebuild(ledger, summary).run(resources, from, to);

            var calculator = new AvailabilityCalculator(BookingRules.of(center));
            for (ExamType exam : center.examTypes()) {
                List<Slot> fromLedger = calculator.compute(exam, center.sites(), FIRST, LAST, NOW,
                        ledger.taken(resources, from, to));
                List<Slot> fromSummary = calculator.compute(exam, center.sites(), FIRST, LAST, NOW,
                        summary.taken(resources, from, to));
                assertThat(fromSummary).as(exam.code().value()).isEqualTo(fromLedger);
                assertThat(fromLedger).as("some starts taken, some free").anyMatch(s -> s.available() > 0);
            }
        }
    }

    /** Claims of random exams at random quarter hours on the exam's resources, whichever are free. */
    private static void book(TableSlotLedger ledger, Center center, Random random, int attempts) {
        for (int i = 0; i < attempts; i++) {
            ExamType exam = center.examTypes().get(random.nextInt(center.examTypes().size()));
            Instant start = FIRST.plusDays(random.nextInt(14)).atTime(7, 0).plusMinutes(15L * random.nextInt(52))
                    .atZone(CenterMother.ROME).toInstant();
            Occupancy occupancy = Occupancy.of(exam, start);
            List<Resource> able = center.resources().stream().filter(r -> r.canPerform(exam)).toList();
            Resource resource = able.get(random.nextInt(able.size()));
            ledger.claim(ReservationId.random(), occupancy.cells(resource.id()));
        }
    }
}
