package com.medicarewizard.allocator;

import static com.medicarewizard.allocator.InMemoryAllocation.MRI_1;
import static com.medicarewizard.allocator.InMemoryAllocation.MRI_2;
import static com.medicarewizard.allocator.InMemoryAllocation.RAD_1;
import static com.medicarewizard.allocator.InMemoryAllocation.cells;
import static com.medicarewizard.allocator.InMemoryAllocation.local;
import static com.medicarewizard.allocator.ReservationAllocatorTest.alreadyHandled;
import static com.medicarewizard.allocator.ReservationAllocatorTest.changedTo;
import static com.medicarewizard.domain.CenterMother.MRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medicarewizard.domain.center.Cell;
import com.medicarewizard.domain.reservation.RejectionReason;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.port.ReservationCommand;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Two allocators deciding the same request at once, as SQS's occasional second delivery or the
 * sweeper's re-send, with an event source mapping running two invocations at a time, make happen in
 * AWS: the other consumer's steps run at a chosen moment of the first one's decision.
 */
class TwoConsumersRaceTest {
    private static final Instant TEN = local("2027-12-20T10:00");
    private static final AllocationOutcome BEING_DECIDED =
            new AllocationOutcome(AllocationOutcome.Kind.BEING_DECIDED, Optional.empty());
    private FlakySlotLedger first;
    private final InMemoryAllocation allocation = new InMemoryAllocation(ledger -> first = new FlakySlotLedger(ledger));
    private final ReservationAllocator second = allocation.anotherConsumer();

    /** A confirmed exam on the second scanner and the only radiographer, the first scanner free. */
    private Reservation confirmedOnTheSecondScanner() {
        Reservation other = allocation.request(MRI, TEN);
        ReservationId busy = ReservationId.random();
        List<Cell> firstScanner = List.copyOf(cells(MRI, TEN, List.of(MRI_1)));
        allocation.ledger.claim(busy, firstScanner);
        allocation.decide(other);
        allocation.ledger.release(busy, firstScanner);
        assertThat(allocation.stored(other).resources()).containsExactly(MRI_2, RAD_1);
        return other;
    }

    private AllocationOutcome secondDecides(Reservation request) {
        return second.handle(new ReservationCommand(ReservationCommand.Type.DECIDE, request.id(), "corr-duplicate"));
    }

    @Test
    void aDuplicateDecidedWhileTheFirstConsumerFailsToClaimNeverLosesTheCellsOfItsConfirmation() {
        Reservation other = confirmedOnTheSecondScanner();
        Reservation request = allocation.request(MRI, TEN);
        AtomicReference<AllocationOutcome> duplicate = new AtomicReference<>();
        // the first consumer has claimed MRI-1 and found the radiographer held; meanwhile the other
        // exam is cancelled and the second consumer decides the same request (without a lease, it
        // would claim MRI-1 again, then RAD-1, and confirm; the first would then release MRI-1)
        first.afterClaim(2, () -> {
            allocation.reservations.update(allocation.stored(other).requestCancellation(allocation.clock.instant()));
            second.handle(new ReservationCommand(ReservationCommand.Type.CANCEL, other.id(), "corr-cancel"));
            duplicate.set(secondDecides(request));
        });

        assertThat(allocation.decide(request)).isEqualTo(changedTo(ReservationStatus.REJECTED));
        assertThat(duplicate).hasValue(BEING_DECIDED);
        assertThat(allocation.stored(request).reason()).contains(RejectionReason.SLOT_TAKEN);
        assertThat(allocation.ledger.all()).as("every confirmed reservation holds exactly its cells, nothing else is held")
                .isEqualTo(allocation.cellsOfConfirmed());

        assertThat(secondDecides(request)).as("the duplicate delivered again")
                .isEqualTo(alreadyHandled(ReservationStatus.REJECTED));
    }

    /** A consumer stopped mid-claim (the function's timeout): no clean-up, and its lease left behind. */
    private static final class Stopped extends Error {
    }

    @Test
    void aLeaseLeftByAStoppedConsumerHoldsOffOthersUntilItEndsThenTheRequestIsDecidedOnWhatItClaimed() {
        Reservation request = allocation.request(MRI, TEN);
        first.afterClaim(1, () -> {
            throw new Stopped();
        });
        assertThatThrownBy(() -> allocation.decide(request)).isInstanceOf(Stopped.class);
        assertThat(allocation.ledger.all()).as("MRI-1 still held in the request's name").isNotEmpty();

        assertThat(secondDecides(request)).isEqualTo(BEING_DECIDED);
        allocation.clock.advance(InMemoryAllocation.TIMEOUT.multipliedBy(2).minusMillis(1));
        assertThat(secondDecides(request)).as("within twice the timeout").isEqualTo(BEING_DECIDED);

        allocation.clock.advance(Duration.ofMillis(1));
        assertThat(secondDecides(request)).isEqualTo(changedTo(ReservationStatus.CONFIRMED));
        assertThat(allocation.stored(request).resources()).containsExactly(MRI_1, RAD_1);
        assertThat(allocation.ledger.all()).isEqualTo(allocation.cellsOfConfirmed());
    }

    @Test
    void aConsumerRetryingAfterAConcurrentChangeRenewsItsOwnLease() {
        Reservation request = allocation.request(MRI, TEN);
        // another writer changes the request as the first consumer stores its decision: the store fails
        // on the version, the consumer lets its cells go and decides again on what is stored now
        allocation.reservations.interfereWithNextUpdate(r -> r);

        assertThat(allocation.decide(request)).isEqualTo(changedTo(ReservationStatus.CONFIRMED));
        assertThat(allocation.ledger.all()).isEqualTo(allocation.cellsOfConfirmed());
        assertThat(secondDecides(request)).isEqualTo(alreadyHandled(ReservationStatus.CONFIRMED));
    }
}
