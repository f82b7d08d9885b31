package com.medicarewizard.allocator;

import static com.medicarewizard.allocator.InMemoryAllocation.MRI_1;
import static com.medicarewizard.allocator.InMemoryAllocation.RAD_1;
import static com.medicarewizard.allocator.InMemoryAllocation.cells;
import static com.medicarewizard.allocator.InMemoryAllocation.local;
import static com.medicarewizard.allocator.ReservationAllocatorTest.alreadyHandled;
import static com.medicarewizard.allocator.ReservationAllocatorTest.changedTo;
import static com.medicarewizard.domain.CenterMother.MRI;
import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.port.ReservationCommand;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How the allocator cancels: releasing what a confirmed reservation holds, and never deciding a cancelled request. */
class ReservationAllocatorCancelTest {
    private static final Instant TEN = local("2027-12-20T10:00");
    /** The first start clear of the ten o'clock exam's turnover and of its own set-up. */
    private static final Instant NEXT_FREE = TEN.plus(Duration.ofMinutes(45));
    private final InMemoryAllocation allocation = new InMemoryAllocation();

    private Reservation confirmed(Instant start) {
        Reservation request = allocation.request(MRI, start);
        assertThat(allocation.decide(request)).isEqualTo(changedTo(ReservationStatus.CONFIRMED));
        return request;
    }

    @Test
    void aCancelRequestedBeforeTheDecisionCancelsInsteadOfClaiming() {
        Reservation request = allocation.request(MRI, TEN);
        allocation.reservations.update(request.requestCancellation(allocation.clock.instant()));

        assertThat(allocation.decide(request)).isEqualTo(changedTo(ReservationStatus.CANCELLED));
        assertThat(allocation.deliver(ReservationCommand.Type.CANCEL, request.id()))
                .isEqualTo(alreadyHandled(ReservationStatus.CANCELLED));
        assertThat(allocation.ledger.all()).isEmpty();
    }

    @Test
    void aCancelDeliveredBeforeTheDecisionLeavesNothingToDecide() {
        Reservation request = allocation.request(MRI, TEN);

        assertThat(allocation.cancel(request)).isEqualTo(changedTo(ReservationStatus.CANCELLED));
        assertThat(allocation.decide(request)).isEqualTo(alreadyHandled(ReservationStatus.CANCELLED));
        assertThat(allocation.stored(request).resources()).isEmpty();
        assertThat(allocation.ledger.all()).isEmpty();
    }

    @Test
    void cancellingAConfirmedReservationReleasesItsCellsForTheNextPatient() {
        Reservation first = allocation.request(MRI, TEN);
        allocation.decide(first);

        assertThat(allocation.cancel(first)).isEqualTo(changedTo(ReservationStatus.CANCELLED));
        assertThat(allocation.stored(first).cancelledAt()).contains(allocation.clock.instant());
        assertThat(allocation.ledger.all()).isEmpty();

        Reservation next = allocation.request(MRI, TEN);
        assertThat(allocation.decide(next)).isEqualTo(changedTo(ReservationStatus.CONFIRMED));
        assertThat(allocation.stored(next).resources()).containsExactly(MRI_1, RAD_1);
    }

    @Test
    void cancellingReleasesOnlyTheReservationsOwnCells() {
        Reservation cancelled = confirmed(TEN);
        Reservation neighbour = confirmed(NEXT_FREE);

        allocation.cancel(cancelled);

        assertThat(allocation.ledger.all()).isEqualTo(allocation.cellsOfConfirmed())
                .containsOnlyKeys(cells(MRI, neighbour.start(), List.of(MRI_1, RAD_1)));
    }

    @Test
    void cancellingAReservationWhoseExamTypeWasWithdrawnStillReleasesItsCellsAndOnlyThem() {
        Reservation confirmed = confirmed(TEN);
        Reservation neighbour = confirmed(NEXT_FREE);
        allocation.withdraw(MRI);

        // without the exam type its buffers are unknown: a wider span is released, owner by owner
        assertThat(allocation.cancel(confirmed)).isEqualTo(changedTo(ReservationStatus.CANCELLED));
        assertThat(allocation.ledger.all()).containsOnlyKeys(cells(MRI, neighbour.start(), List.of(MRI_1, RAD_1)))
                .allSatisfy((cell, holder) -> assertThat(holder).isEqualTo(neighbour.id()));
    }

    @Test
    void aCancelItsPatientNeverAskedForLeavesAConfirmedReservationConfirmed() {
        Reservation booked = confirmed(TEN);
        Reservation before = allocation.stored(booked);

        assertThat(allocation.deliver(ReservationCommand.Type.CANCEL, booked.id()))
                .isEqualTo(new AllocationOutcome(AllocationOutcome.Kind.NOT_REQUESTED,
                        Optional.of(ReservationStatus.CONFIRMED)));
        assertThat(allocation.stored(booked)).isEqualTo(before);
        assertThat(allocation.ledger.all()).isEqualTo(allocation.cellsOfConfirmed()).isNotEmpty();
    }

    @Test
    void aCancelItsPatientNeverAskedForLeavesAPendingRequestToBeDecided() {
        Reservation request = allocation.request(MRI, TEN);

        assertThat(allocation.deliver(ReservationCommand.Type.CANCEL, request.id()).kind())
                .isEqualTo(AllocationOutcome.Kind.NOT_REQUESTED);
        assertThat(allocation.stored(request)).isEqualTo(request);
        assertThat(allocation.decide(request)).isEqualTo(changedTo(ReservationStatus.CONFIRMED));
    }

    @Test
    void aReplayedCancelIsANoOp() {
        Reservation request = allocation.request(MRI, TEN);
        allocation.decide(request);
        allocation.cancel(request);
        int writes = allocation.reservations.updates();

        assertThat(allocation.deliver(ReservationCommand.Type.CANCEL, request.id()))
                .isEqualTo(alreadyHandled(ReservationStatus.CANCELLED));
        assertThat(allocation.reservations.updates()).isEqualTo(writes);
    }

    @Test
    void aCancelOfARejectedRequestChangesNothing() {
        allocation.decide(allocation.request(MRI, TEN));
        Reservation rejected = allocation.request(MRI, TEN);
        allocation.decide(rejected);

        assertThat(allocation.deliver(ReservationCommand.Type.CANCEL, rejected.id()))
                .isEqualTo(alreadyHandled(ReservationStatus.REJECTED));
        assertThat(allocation.ledger.all()).isEqualTo(allocation.cellsOfConfirmed());
    }
}
