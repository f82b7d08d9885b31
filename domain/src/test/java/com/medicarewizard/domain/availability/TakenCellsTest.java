package com.medicarewizard.domain.availability;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.domain.center.Cell;
import com.medicarewizard.domain.center.ResourceId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TakenCellsTest {
    private static final ResourceId SCANNER = new ResourceId("SCAN-1");
    private static final ResourceId NURSE = new ResourceId("NURSE-1");
    private static final Instant NINE = Instant.parse("2027-02-01T09:00:00Z");

    @Test
    void anOccupancyIsFreeUnlessOneOfItsCellsIsTakenOnThatResource() {
        TakenCells taken = new TakenCells(List.of(new Cell(SCANNER, NINE), new Cell(SCANNER, NINE.plus(Duration.ofMinutes(40)))));

        assertThat(taken.isFree(SCANNER, new Occupancy(NINE.plus(Duration.ofMinutes(5)), NINE.plus(Duration.ofMinutes(40)))))
                .as("between the two taken cells").isTrue();
        assertThat(taken.isFree(SCANNER, new Occupancy(NINE.plus(Duration.ofMinutes(5)), NINE.plus(Duration.ofMinutes(45)))))
                .as("ends with the second taken cell").isFalse();
        assertThat(taken.isFree(SCANNER, new Occupancy(NINE.minus(Duration.ofMinutes(30)), NINE.plus(Duration.ofMinutes(5)))))
                .as("starts before the earliest taken cell").isFalse();
        assertThat(taken.isFree(SCANNER, new Occupancy(NINE.minus(Duration.ofMinutes(30)), NINE)))
                .as("ends where the first taken cell starts").isTrue();
        assertThat(taken.isFree(NURSE, new Occupancy(NINE, NINE.plus(Duration.ofHours(1))))).as("another resource").isTrue();
        assertThat(TakenCells.none().isFree(SCANNER, new Occupancy(NINE, NINE.plus(Duration.ofHours(1))))).isTrue();
    }

    @Test
    void agreesWithACellByCellLookupOnRandomLedgers() {
        Random random = new Random(11);
        for (int round = 0; round < 200; round++) {
            Set<Cell> cells = new HashSet<>();
            for (int i = random.nextInt(40); i > 0; i--) {
                cells.add(new Cell(random.nextBoolean() ? SCANNER : NURSE, NINE.plus(Cell.SIZE.multipliedBy(random.nextInt(200)))));
            }
            TakenCells taken = new TakenCells(new ArrayList<>(cells));
            for (int probe = 0; probe < 50; probe++) {
                Instant from = NINE.plus(Cell.SIZE.multipliedBy(random.nextInt(220) - 20));
                Occupancy occupancy = new Occupancy(from, from.plus(Cell.SIZE.multipliedBy(1 + random.nextInt(24))));
                ResourceId resource = random.nextBoolean() ? SCANNER : NURSE;
                boolean expected = occupancy.cells(resource).stream().noneMatch(cells::contains);
                assertThat(taken.isFree(resource, occupancy)).as("%s on %s", occupancy, resource).isEqualTo(expected);
            }
        }
    }
}
