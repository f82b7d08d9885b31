package com.medicarewizard.port.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.domain.availability.Occupancy;
import com.medicarewizard.domain.availability.TakenCells;
import com.medicarewizard.domain.center.Cell;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.port.SlotLedger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link SlotLedger} adapter promises. Subclasses give a fresh, empty ledger per test. */
public abstract class SlotLedgerContract {

    static final ResourceId SCANNER = new ResourceId("RN-MRI-1");
    static final ResourceId RADIOGRAPHER = new ResourceId("RN-RAD-1");
    static final Instant NINE = Instant.parse("2030-03-11T09:00:00Z");
    private static final Duration CELL = Cell.SIZE;

    private final ReservationId mine = ReservationId.random();
    private final ReservationId theirs = ReservationId.random();
    private final ReservationId moved = ReservationId.random();
    private SlotLedger ledger;

    /** A new adapter over empty storage. */
    protected abstract SlotLedger newLedger();

    @BeforeEach
    void freshLedger() {
        ledger = newLedger();
    }

    /** Both resources' cells for {@code count} cells from {@code first} cells after nine. */
    static List<Cell> cells(int first, int count) {
        Instant from = NINE.plus(CELL.multipliedBy(first));
        Instant to = from.plus(CELL.multipliedBy(count));
        return Stream.concat(Cell.covering(SCANNER, from, to).stream(), Cell.covering(RADIOGRAPHER, from, to).stream())
                .toList();
    }

    private Map<Cell, ReservationId> allHolders() {
        return ledger.holders(List.of(SCANNER, RADIOGRAPHER), NINE, NINE.plus(Duration.ofHours(4)));
    }

    @Test
    void claimsFreeCellsForTheOwner() {
        assertThat(ledger.claim(mine, cells(0, 3))).isTrue();
        assertThat(allHolders()).hasSize(6).allSatisfy((cell, holder) -> assertThat(holder).isEqualTo(mine));
    }

    @Test
    void aClaimedCellCannotBeClaimedByAnotherOwner() {
        ledger.claim(mine, cells(0, 3));
        assertThat(ledger.claim(theirs, cells(2, 3))).isFalse();
        assertThat(allHolders()).hasSize(6).containsOnlyKeys(cells(0, 3)).doesNotContainValue(theirs);
    }

    @Test
    void theSameOwnerCanClaimAgainAsOnRedelivery() {
        ledger.claim(mine, cells(0, 3));
        assertThat(ledger.claim(mine, cells(0, 3))).isTrue();
        assertThat(allHolders()).containsOnlyKeys(cells(0, 3));
    }

    @Test
    void aFailedClaimLeavesNoneOfItsCellsHeld() {
        ledger.claim(theirs, List.of(new Cell(RADIOGRAPHER, NINE.plus(CELL.multipliedBy(4)))));
        assertThat(ledger.claim(mine, cells(0, 6))).isFalse();
        assertThat(allHolders()).containsOnlyKeys(new Cell(RADIOGRAPHER, NINE.plus(CELL.multipliedBy(4))))
                .doesNotContainValue(mine);
    }

    @Test
    void releasesOnlyTheCellsTheOwnerHolds() {
        ledger.claim(mine, cells(0, 2));
        ledger.claim(theirs, cells(2, 2));
        ledger.release(mine, cells(0, 4));
        assertThat(allHolders()).containsOnlyKeys(cells(2, 2)).containsValue(theirs);
    }

    @Test
    void aReleasedCellCanBeClaimedByAnotherOwner() {
        ledger.claim(mine, cells(0, 2));
        ledger.release(mine, cells(0, 2));
        assertThat(ledger.claim(theirs, cells(0, 2))).isTrue();
        assertThat(allHolders()).containsOnlyKeys(cells(0, 2)).doesNotContainValue(mine);
    }

    @Test
    void releasingCellsNobodyHoldsChangesNothing() {
        ledger.release(mine, cells(0, 2));
        assertThat(allHolders()).isEmpty();
    }

    @Test
    void aMoveTakesOverThePreviousReservationsCellsAndClaimsFreeOnes() {
        ledger.claim(moved, cells(0, 3));
        assertThat(ledger.claimFrom(mine, moved, cells(2, 3))).isTrue();
        assertThat(allHolders()).containsOnlyKeys(cells(0, 5));
        assertThat(ledger.holders(List.of(SCANNER, RADIOGRAPHER), NINE.plus(CELL.multipliedBy(2)), NINE.plus(CELL.multipliedBy(5))))
                .hasSize(6).allSatisfy((cell, holder) -> assertThat(holder).isEqualTo(mine));
        assertThat(ledger.claimFrom(mine, moved, cells(2, 3))).as("again, as on redelivery").isTrue();
    }

    @Test
    void aMoveMeetingAThirdHolderHandsBackWhatItTookAndLeavesTheOthersAlone() {
        ledger.claim(moved, cells(0, 3));
        Cell theirsToo = new Cell(SCANNER, NINE.plus(CELL.multipliedBy(4)));
        ledger.claim(theirs, List.of(theirsToo));
        assertThat(ledger.claimFrom(mine, moved, cells(1, 4))).isFalse();
        Map<Cell, ReservationId> held = allHolders();
        assertThat(held).doesNotContainValue(mine).containsEntry(theirsToo, theirs);
        cells(0, 3).forEach(cell -> assertThat(held).containsEntry(cell, moved));
    }

    @Test
    void handingBackGivesTheOwnersCellsToThePreviousReservationOnly() {
        ledger.claim(mine, cells(0, 2));
        ledger.claim(theirs, cells(2, 2));
        ledger.handBack(mine, moved, cells(0, 4));
        Map<Cell, ReservationId> held = allHolders();
        cells(0, 2).forEach(cell -> assertThat(held).containsEntry(cell, moved));
        cells(2, 2).forEach(cell -> assertThat(held).containsEntry(cell, theirs));
        ledger.handBack(mine, moved, cells(4, 2));
        assertThat(allHolders()).as("nothing held, nothing handed").hasSize(8);
    }

    @Test
    void holdersIncludeTheFromCellAndExcludeTheToCell() {
        ledger.claim(mine, cells(0, 6));
        Instant from = NINE.plus(CELL);
        Instant to = NINE.plus(CELL.multipliedBy(4));
        Map<Cell, ReservationId> held = ledger.holders(List.of(SCANNER), from, to);
        assertThat(held).containsOnlyKeys(Cell.covering(SCANNER, from, to));
    }

    @Test
    void holdersOfAnEmptyRangeOrOfNoResourceAreNone() {
        ledger.claim(mine, cells(0, 6));
        assertThat(ledger.holders(List.of(SCANNER), NINE, NINE)).isEmpty();
        assertThat(ledger.holders(List.of(), NINE, NINE.plus(Duration.ofHours(1)))).isEmpty();
    }

    @Test
    void takenCellsAreExactlyTheHeldCellsOfTheRange() {
        ledger.claim(mine, cells(0, 3));
        ledger.claim(theirs, Cell.covering(SCANNER, NINE.plus(CELL.multipliedBy(6)), NINE.plus(CELL.multipliedBy(8))));
        Instant from = NINE.plus(CELL);
        Instant to = NINE.plus(CELL.multipliedBy(7));
        TakenCells taken = ledger.taken(List.of(SCANNER, RADIOGRAPHER), from, to);

        for (ResourceId resource : List.of(SCANNER, RADIOGRAPHER)) {
            for (Instant t = NINE.minus(CELL); t.isBefore(NINE.plus(CELL.multipliedBy(9))); t = t.plus(CELL)) {
                Cell cell = new Cell(resource, t);
                boolean heldInRange = !t.isBefore(from) && t.isBefore(to)
                        && ledger.holders(List.of(resource), from, to).containsKey(cell);
                assertThat(taken.isFree(resource, new Occupancy(t, t.plus(CELL)))).as(cell.toString())
                        .isEqualTo(!heldInRange);
            }
        }
        assertThat(ledger.taken(List.of(SCANNER), NINE, NINE).isFree(SCANNER, new Occupancy(NINE, NINE.plus(CELL))))
                .as("an empty range reads nothing").isTrue();
    }

    @Test
    void concurrentOverlappingClaimsNeverShareACellAndWinnersHoldAllTheirCells() throws Exception {
        List<ReservationId> owners = new ArrayList<>();
        List<List<Cell>> wanted = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            owners.add(ReservationId.random());
            wanted.add(cells(i % 8 * 2, 4));
        }
        List<Boolean> answers = ConcurrentCalls.run(owners.size(), i -> ledger.claim(owners.get(i), wanted.get(i)));
        Map<Cell, ReservationId> held = allHolders();
        List<Cell> won = new ArrayList<>();
        for (int i = 0; i < owners.size(); i++) {
            ReservationId owner = owners.get(i);
            if (answers.get(i)) {
                wanted.get(i).forEach(cell -> assertThat(held).containsEntry(cell, owner));
                assertThat(won).doesNotContainAnyElementsOf(wanted.get(i));
                won.addAll(wanted.get(i));
            } else {
                assertThat(held).doesNotContainValue(owner);
            }
        }
        assertThat(answers).contains(true);
        assertThat(held).containsOnlyKeys(won);
    }
}
