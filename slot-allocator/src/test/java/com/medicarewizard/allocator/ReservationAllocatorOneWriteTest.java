package com.medicarewizard.allocator;

import static com.medicarewizard.allocator.InMemoryAllocation.MRI_1;
import static com.medicarewizard.allocator.InMemoryAllocation.MRI_2;
import static com.medicarewizard.allocator.InMemoryAllocation.NOW;
import static com.medicarewizard.allocator.InMemoryAllocation.RAD_1;
import static com.medicarewizard.allocator.InMemoryAllocation.cells;
import static com.medicarewizard.allocator.InMemoryAllocation.local;
import static com.medicarewizard.domain.CenterMother.MRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medicarewizard.allocator.AllocationOutcome.Kind;
import com.medicarewizard.domain.center.Cell;
import com.medicarewizard.domain.center.ResourceId;
import com.medicarewizard.domain.reservation.RejectionReason;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.port.Decisions;
import com.medicarewizard.port.Reservations.DecisionLease;
import com.medicarewizard.port.SlotLedger;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A request decided in one write ({@link Decisions}): what the allocator does when the cells it read
 * as free are taken before its write lands, when its write's answer is lost, and when the request
 * carries a lease from a cell-by-cell attempt.
 */
class ReservationAllocatorOneWriteTest {
    private static final Instant TEN = local("2027-12-20T10:00");
    private Runnable afterRead = () -> { };
    private final InMemoryAllocation allocation = new InMemoryAllocation(RaceAfterRead::new, Decisions.MAX_CELLS);

    /** A ledger after whose next read of holders another writer's steps run, before the allocator writes. */
    private final class RaceAfterRead implements SlotLedger {
        private final SlotLedger ledger;

        RaceAfterRead(SlotLedger ledger) {
            this.ledger = ledger;
        }

        @Override
        public Map<Cell, ReservationId> holders(Collection<ResourceId> resources, Instant from, Instant to) {
            Map<Cell, ReservationId> read = ledger.holders(resources, from, to);
            Runnable steps = afterRead;
            afterRead = () -> { };
            steps.run();
            return read;
        }

        @Override
        public boolean claim(ReservationId owner, List<Cell> cells) {
            return ledger.claim(owner, cells);
        }

        @Override
        public boolean claimFrom(ReservationId owner, ReservationId previous, List<Cell> cells) {
            return ledger.claimFrom(owner, previous, cells);
        }

        @Override
        public void handBack(ReservationId owner, ReservationId previous, List<Cell> cells) {
            ledger.handBack(owner, previous, cells);
        }

        @Override
        public void release(ReservationId owner, List<Cell> cells) {
            ledger.release(owner, cells);
        }
    }

    @Test
    void aScannerTakenBetweenTheReadAndTheWriteIsPassedOverForTheNextOne() {
        Reservation request = allocation.request(MRI, TEN);
        ReservationId other = ReservationId.random();
        Cell oneOfMri1 = cells(MRI, TEN, List.of(MRI_1)).iterator().next();
        afterRead = () -> allocation.ledger.claim(other, List.of(oneOfMri1));

        assertThat(allocation.decide(request).kind()).isEqualTo(Kind.CHANGED);

        assertThat(allocation.stored(request).resources()).containsExactly(MRI_2, RAD_1);
        assertThat(allocation.ledger.all()).containsAllEntriesOf(allocation.cellsOfConfirmed())
                .containsEntry(oneOfMri1, other).hasSize(cells(MRI, TEN, List.of(MRI_2, RAD_1)).size() + 1);
    }

    @Test
    void theOnlyRadiographerTakenBetweenTheReadAndTheWriteRejectsWithoutHoldingAnything() {
        Reservation request = allocation.request(MRI, TEN);
        ReservationId other = ReservationId.random();
        Cell oneOfRad1 = cells(MRI, TEN, List.of(RAD_1)).iterator().next();
        afterRead = () -> allocation.ledger.claim(other, List.of(oneOfRad1));

        allocation.decide(request);

        assertThat(allocation.stored(request).status()).isEqualTo(ReservationStatus.REJECTED);
        assertThat(allocation.stored(request).reason()).contains(RejectionReason.SLOT_TAKEN);
        assertThat(allocation.ledger.all()).containsExactly(Map.entry(oneOfRad1, other));
    }

    @Test
    void aWriteWhoseAnswerWasLostIsFoundDoneWhenTheCommandComesAgain() {
        Reservation request = allocation.request(MRI, TEN);
        allocation.decisions.failConfirm(1, true);

        assertThatThrownBy(() -> allocation.decide(request)).isInstanceOf(IllegalStateException.class);
        assertThat(allocation.stored(request).status()).isEqualTo(ReservationStatus.CONFIRMED);

        assertThat(allocation.decide(request).kind()).isEqualTo(Kind.ALREADY_HANDLED);
        assertThat(allocation.ledger.all()).isEqualTo(allocation.cellsOfConfirmed());
    }

    @Test
    void aWriteThatNeverLandedLeavesNothingHeldAndTheCommandDecidesItAgain() {
        Reservation request = allocation.request(MRI, TEN);
        allocation.decisions.failConfirm(1, false);

        assertThatThrownBy(() -> allocation.decide(request)).isInstanceOf(IllegalStateException.class);
        assertThat(allocation.ledger.all()).isEmpty();

        assertThat(allocation.decide(request).kind()).isEqualTo(Kind.CHANGED);
        assertThat(allocation.stored(request).resources()).containsExactly(MRI_1, RAD_1);
    }

    @Test
    void aRequestLeftLeasedByACellByCellAttemptIsEndedCellByCellWithWhatThatAttemptHeld() {
        Reservation request = allocation.request(MRI, TEN);
        // an attempt before (a catalog with a longer exam, say) leased the request, claimed a scanner and stopped
        allocation.reservations.leaseDecision(request.id(), new DecisionLease("stopped", NOW.plusSeconds(60)), NOW);
        allocation.ledger.claim(request.id(), List.copyOf(cells(MRI, TEN, List.of(MRI_1))));

        assertThat(allocation.decide(request).kind()).isEqualTo(Kind.BEING_DECIDED);
        assertThat(allocation.stored(request).status()).isEqualTo(ReservationStatus.PENDING);

        allocation.visibilityTimeoutPasses();
        assertThat(allocation.decide(request).kind()).isEqualTo(Kind.CHANGED);
        assertThat(allocation.stored(request).resources()).containsExactly(MRI_1, RAD_1);
        assertThat(allocation.ledger.all()).isEqualTo(allocation.cellsOfConfirmed());
        assertThat(Optional.of(allocation.stored(request).status())).contains(ReservationStatus.CONFIRMED);
    }

    @Test
    void aLeasedRequestWithNoTimeLeftIsRejectedCellByCellLettingGoOfWhatItsEarlierAttemptHeld() {
        allocation.decide(allocation.request(MRI, TEN)); // the only radiographer taken at ten
        Reservation request = allocation.request(MRI, TEN);
        // an attempt before claimed the other scanner cell by cell, under its lease, and stopped
        allocation.reservations.leaseDecision(request.id(), new DecisionLease("stopped", NOW.plusSeconds(60)), NOW);
        allocation.ledger.claim(request.id(), List.copyOf(cells(MRI, TEN, List.of(MRI_2))));
        allocation.visibilityTimeoutPasses();

        allocation.decide(request);

        assertThat(allocation.stored(request).status()).isEqualTo(ReservationStatus.REJECTED);
        assertThat(allocation.ledger.all()).isEqualTo(allocation.cellsOfConfirmed()).doesNotContainValue(request.id());
    }
}
