package com.medicarewizard.port.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.domain.availability.Occupancy;
import com.medicarewizard.domain.availability.TakenCells;
import com.medicarewizard.domain.center.Cell;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.port.TakenCellsSummary;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link TakenCellsSummary} adapter promises. Subclasses give a fresh, empty summary per test. */
public abstract class TakenCellsSummaryContract {

    private static final ResourceId SCANNER = new ResourceId("RN-MRI-1");
    private static final ResourceId RADIOGRAPHER = new ResourceId("RN-RAD-1");
    private static final List<ResourceId> BOTH = List.of(SCANNER, RADIOGRAPHER);
    /** Five minutes before midnight UTC: a span from here crosses into the next day's item. */
    private static final Instant LATE = Instant.parse("2030-03-11T23:55:00Z");
    private static final Instant DAY = Instant.parse("2030-03-11T00:00:00Z");
    private static final Instant WEEK_LATER = DAY.plus(Duration.ofDays(7));

    private TakenCellsSummary summary;

    /** A new adapter over empty storage. */
    protected abstract TakenCellsSummary newSummary();

    @BeforeEach
    void freshSummary() {
        summary = newSummary();
    }

    private static Cell cell(ResourceId resource, Instant start) {
        return new Cell(resource, start);
    }

    private static Occupancy one(Instant start) {
        return new Occupancy(start, start.plus(Cell.SIZE));
    }

    @Test
    void showsTheCellsMarkedTakenAndOnlyThose() {
        summary.markTaken(cell(SCANNER, LATE));
        summary.markTaken(cell(SCANNER, LATE.plus(Cell.SIZE)));
        summary.markTaken(cell(RADIOGRAPHER, DAY.plus(Duration.ofHours(9))));

        TakenCells taken = summary.taken(BOTH, DAY, WEEK_LATER);
        assertThat(taken.isFree(SCANNER, one(LATE))).isFalse();
        assertThat(taken.isFree(SCANNER, one(LATE.plus(Cell.SIZE)))).as("the next day's first cell").isFalse();
        assertThat(taken.isFree(SCANNER, one(LATE.minus(Cell.SIZE)))).isTrue();
        assertThat(taken.isFree(RADIOGRAPHER, one(LATE))).as("another resource's cell").isTrue();
        assertThat(taken.isFree(RADIOGRAPHER, one(DAY.plus(Duration.ofHours(9))))).isFalse();
        assertThat(summary.cells(BOTH, DAY, WEEK_LATER)).containsExactlyInAnyOrder(cell(SCANNER, LATE),
                cell(SCANNER, LATE.plus(Cell.SIZE)), cell(RADIOGRAPHER, DAY.plus(Duration.ofHours(9))));
    }

    @Test
    void readsExactlyTheCellsStartingWithinTheSpan() {
        summary.markTaken(cell(SCANNER, LATE.minus(Cell.SIZE)));
        summary.markTaken(cell(SCANNER, LATE));
        summary.markTaken(cell(SCANNER, LATE.plus(Cell.SIZE)));

        assertThat(summary.cells(List.of(SCANNER), LATE, LATE.plus(Cell.SIZE))).containsExactly(cell(SCANNER, LATE));
        assertThat(summary.cells(List.of(SCANNER), LATE.minusNanos(1), LATE.plus(Cell.SIZE).plusNanos(1)))
                .containsExactlyInAnyOrder(cell(SCANNER, LATE), cell(SCANNER, LATE.plus(Cell.SIZE)));
        assertThat(summary.taken(List.of(SCANNER), LATE, LATE.plus(Cell.SIZE))
                .isFree(SCANNER, one(LATE.plus(Cell.SIZE)))).as("the cell starting at the span's end").isTrue();
        assertThat(summary.cells(List.of(SCANNER), LATE, LATE)).isEmpty();
    }

    @Test
    void markingTwiceIsMarkingOnceAndFreeingAFreeCellChangesNothing() {
        summary.markTaken(cell(SCANNER, LATE));
        summary.markTaken(cell(SCANNER, LATE));
        summary.markFree(cell(SCANNER, DAY.plus(Duration.ofDays(3))));
        summary.markFree(cell(RADIOGRAPHER, LATE));

        assertThat(summary.cells(BOTH, DAY, WEEK_LATER)).containsExactly(cell(SCANNER, LATE));
    }

    @Test
    void freeingACellLeavesTheOtherCellsOfItsDay() {
        Instant nine = DAY.plus(Duration.ofHours(9));
        summary.markTaken(cell(SCANNER, nine));
        summary.markTaken(cell(SCANNER, nine.plus(Cell.SIZE)));
        summary.markFree(cell(SCANNER, nine));
        summary.markFree(cell(SCANNER, nine));

        assertThat(summary.cells(BOTH, DAY, WEEK_LATER)).containsExactly(cell(SCANNER, nine.plus(Cell.SIZE)));
        summary.markFree(cell(SCANNER, nine.plus(Cell.SIZE)));
        assertThat(summary.cells(BOTH, DAY, WEEK_LATER)).isEmpty();
        assertThat(summary.taken(BOTH, DAY, WEEK_LATER).isFree(SCANNER, new Occupancy(DAY, WEEK_LATER))).isTrue();
    }

    /** The changes of different cells commute: any interleaving that keeps each cell's own order ends the same. */
    @Test
    void endsTheSameWhateverTheInterleavingOfDifferentCellsChanges() {
        Random random = new Random(17);
        List<List<Boolean>> changes = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        Set<Cell> expected = new HashSet<>();
        for (int i = 0; i < 24; i++) {
            Cell cell = cell(BOTH.get(i % 2), LATE.minus(Cell.SIZE.multipliedBy(6)).plus(Cell.SIZE.multipliedBy(i / 2)));
            List<Boolean> ofCell = new ArrayList<>();
            for (int n = 1 + random.nextInt(4); n > 0; n--) {
                ofCell.add(random.nextBoolean());
            }
            cells.add(cell);
            changes.add(ofCell);
            if (ofCell.getLast()) {
                expected.add(cell);
            }
        }
        while (changes.stream().anyMatch(c -> !c.isEmpty())) {
            int i = random.nextInt(cells.size());
            if (!changes.get(i).isEmpty()) {
                boolean taken = changes.get(i).removeFirst();
                if (taken) {
                    summary.markTaken(cells.get(i));
                } else {
                    summary.markFree(cells.get(i));
                }
            }
        }

        assertThat(summary.cells(BOTH, DAY, WEEK_LATER)).isEqualTo(expected);
        TakenCells taken = summary.taken(BOTH, DAY, WEEK_LATER);
        assertThat(cells).allSatisfy(c -> assertThat(taken.isFree(c.resource(), one(c.start())))
                .as(c.toString()).isEqualTo(!expected.contains(c)));
    }
}
