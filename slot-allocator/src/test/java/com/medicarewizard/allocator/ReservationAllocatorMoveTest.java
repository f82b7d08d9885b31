package com.medicarewizard.allocator;

import static com.medicarewizard.allocator.InMemoryAllocation.MRI_1;
import static com.medicarewizard.allocator.InMemoryAllocation.MRI_2;
import static com.medicarewizard.allocator.InMemoryAllocation.RAD_1;
import static com.medicarewizard.allocator.InMemoryAllocation.local;
import static com.medicarewizard.allocator.ReservationAllocatorTest.alreadyHandled;
import static com.medicarewizard.allocator.ReservationAllocatorTest.changedTo;
import static com.medicarewizard.domain.CenterMother.MRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.RejectionReason;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How the allocator moves a booking: the new time confirmed and the old one cancelled together, or
 * nothing changed; the ledger holding exactly the cells of the confirmed reservations after every step,
 * whatever fails in between.
 */
class ReservationAllocatorMoveTest {
    private static final Instant TEN = local("2027-12-20T10:00");
    private static final Instant ELEVEN = local("2027-12-20T11:00");
    private final FlakySlotLedger[] flaky = new FlakySlotLedger[1];
    private final InMemoryAllocation allocation = new InMemoryAllocation(ledger -> flaky[0] = new FlakySlotLedger(ledger));

    private Reservation booked(Instant start, PatientId patient) {
        Reservation request = allocation.request(MRI, start, patient);
        assertThat(allocation.decide(request)).isEqualTo(changedTo(ReservationStatus.CONFIRMED));
        return allocation.stored(request);
    }

    private Reservation booked(Instant start) {
        return booked(start, PatientId.random());
    }

    private void assertLedgerHoldsExactlyTheConfirmed() {
        assertThat(allocation.ledger.all()).isEqualTo(allocation.cellsOfConfirmed());
    }

    @Test
    void aMoveToAFreeTimeConfirmsTheNewTimeAndCancelsTheOldOneTogether() {
        Reservation old = booked(TEN);
        Reservation move = allocation.move(old, ELEVEN);

        assertThat(allocation.decide(move)).isEqualTo(changedTo(ReservationStatus.CONFIRMED));

        Reservation moved = allocation.stored(old);
        assertThat(moved.status()).isEqualTo(ReservationStatus.CANCELLED);
        assertThat(moved.movedTo()).contains(move.id());
        assertThat(moved.cancelRequestedAt()).isEmpty();
        assertThat(allocation.stored(move).resources()).containsExactly(MRI_1, RAD_1);
        assertLedgerHoldsExactlyTheConfirmed();
    }

    @Test
    void aMoveOverlappingItsOwnTimeTakesOverTheSharedCellsAndKeepsTheSameRoom() {
        Reservation old = booked(TEN);
        Reservation move = allocation.move(old, TEN.plus(Duration.ofMinutes(15)));

        assertThat(allocation.decide(move)).isEqualTo(changedTo(ReservationStatus.CONFIRMED));

        // one radiographer only: without taking over its own cells the move could never happen
        assertThat(allocation.stored(move).resources()).containsExactly(MRI_1, RAD_1);
        assertThat(allocation.stored(old).status()).isEqualTo(ReservationStatus.CANCELLED);
        assertLedgerHoldsExactlyTheConfirmed();
    }

    @Test
    void aMoveToATakenTimeIsRejectedAndTheOldBookingKeepsEveryCell() {
        Reservation old = booked(TEN);
        booked(ELEVEN);
        Reservation move = allocation.move(old, ELEVEN);

        assertThat(allocation.decide(move)).isEqualTo(changedTo(ReservationStatus.REJECTED));

        assertThat(allocation.stored(move).reason()).contains(RejectionReason.SLOT_TAKEN);
        assertThat(allocation.stored(old)).isEqualTo(old);
        assertLedgerHoldsExactlyTheConfirmed();
    }

    @Test
    void aMoveOverlappingBothItsOwnTimeAndANeighbourHandsItsOwnCellsBack() {
        Reservation old = booked(TEN);
        booked(TEN.plus(Duration.ofMinutes(45)));
        Reservation move = allocation.move(old, TEN.plus(Duration.ofMinutes(15)));

        assertThat(allocation.decide(move)).isEqualTo(changedTo(ReservationStatus.REJECTED));

        assertThat(allocation.stored(old)).isEqualTo(old);
        assertLedgerHoldsExactlyTheConfirmed();
    }

    @Test
    void aMoveOfAReservationCancelledMeanwhileIsRejectedAndChangesNothingElse() {
        Reservation old = booked(TEN);
        Reservation move = allocation.move(old, ELEVEN);
        allocation.cancel(old);

        assertThat(allocation.decide(move)).isEqualTo(changedTo(ReservationStatus.REJECTED));

        assertThat(allocation.stored(move).reason()).contains(RejectionReason.NOT_MOVABLE);
        assertThat(allocation.stored(old).movedTo()).isEmpty();
        assertThat(allocation.ledger.all()).isEmpty();
    }

    @Test
    void aMoveOfAReservationWhoseCancellationWasAskedForIsRejected() {
        Reservation old = booked(TEN);
        Reservation move = allocation.move(old, ELEVEN);
        allocation.reservations.update(old.requestCancellation(allocation.clock.instant()));

        assertThat(allocation.decide(move)).isEqualTo(changedTo(ReservationStatus.REJECTED));
        assertThat(allocation.stored(move).reason()).contains(RejectionReason.NOT_MOVABLE);
        assertThat(allocation.stored(old).status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertLedgerHoldsExactlyTheConfirmed();
    }

    @Test
    void aMoveNamingAnotherPatientsReservationIsRejectedAndLeavesItAlone() {
        Reservation theirs = booked(TEN);
        Reservation forged = new Reservation(ReservationId.random(), PatientId.random(), MRI, theirs.site(), ELEVEN,
                ELEVEN.plus(Duration.ofMinutes(30)), ReservationStatus.PENDING, Optional.empty(), java.util.List.of(),
                allocation.clock.instant(), Optional.empty(), Optional.empty(), Optional.empty(), "corr-forged", 0,
                Optional.of(new Reservation.Replaced(theirs.id(), theirs.site(), theirs.start())), Optional.empty());
        allocation.reservations.create(forged, Optional.empty());

        assertThat(allocation.decide(forged)).isEqualTo(changedTo(ReservationStatus.REJECTED));
        assertThat(allocation.stored(forged).reason()).contains(RejectionReason.NOT_MOVABLE);
        assertThat(allocation.stored(theirs)).isEqualTo(theirs);
        assertLedgerHoldsExactlyTheConfirmed();
    }

    @Test
    void aSecondMoveOfTheSameBookingIsRejectedOnceTheFirstIsDone() {
        Reservation old = booked(TEN);
        Reservation first = allocation.move(old, ELEVEN);
        Reservation second = allocation.move(old, local("2027-12-20T15:00"));

        assertThat(allocation.decide(first)).isEqualTo(changedTo(ReservationStatus.CONFIRMED));
        assertThat(allocation.decide(second)).isEqualTo(changedTo(ReservationStatus.REJECTED));
        assertThat(allocation.stored(second).reason()).contains(RejectionReason.NOT_MOVABLE);
        assertLedgerHoldsExactlyTheConfirmed();
    }

    @Test
    void aRedeliveredMoveChangesNothingMore() {
        Reservation old = booked(TEN);
        Reservation move = allocation.move(old, ELEVEN);
        allocation.decide(move);
        int writes = allocation.reservations.updates();

        assertThat(allocation.decide(move)).isEqualTo(alreadyHandled(ReservationStatus.CONFIRMED));
        assertThat(allocation.reservations.updates()).isEqualTo(writes);
        assertLedgerHoldsExactlyTheConfirmed();
    }

    @Test
    void aPatientAtTheLimitCanStillMoveABooking() {
        PatientId patient = PatientId.random();
        Reservation old = booked(TEN, patient);
        booked(ELEVEN, patient);
        booked(local("2027-12-20T15:00"), patient);
        Reservation move = allocation.move(old, local("2027-12-20T16:00"));

        assertThat(allocation.decide(move)).isEqualTo(changedTo(ReservationStatus.CONFIRMED));
        assertLedgerHoldsExactlyTheConfirmed();
    }

    @Test
    void aMoveWhoseClaimFailsHalfWayLeavesTheOldBookingWholeAndSucceedsWhenDeliveredAgain() {
        Reservation old = booked(TEN);
        Reservation move = allocation.move(old, TEN.plus(Duration.ofMinutes(15)));
        flaky[0].failClaim(2); // the shared cells are taken over, then the ledger times out

        assertThatThrownBy(() -> allocation.decide(move)).isInstanceOf(IllegalStateException.class);
        assertThat(allocation.stored(old)).isEqualTo(old);
        assertLedgerHoldsExactlyTheConfirmed();

        allocation.visibilityTimeoutPasses();
        assertThat(allocation.decide(move)).isEqualTo(changedTo(ReservationStatus.CONFIRMED));
        assertLedgerHoldsExactlyTheConfirmed();
    }

    @Test
    void aMoveCutShortAfterItWasStoredIsEndedByTheRedelivery() {
        Reservation old = booked(TEN);
        Reservation move = allocation.move(old, TEN.plus(Duration.ofMinutes(15)));
        flaky[0].failRelease(1); // stored, then the old cells cannot be released yet

        assertThatThrownBy(() -> allocation.decide(move)).isInstanceOf(IllegalStateException.class);
        assertThat(allocation.stored(move).status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(allocation.ledger.all()).containsValue(old.id());

        assertThat(allocation.decide(move)).isEqualTo(alreadyHandled(ReservationStatus.CONFIRMED));
        assertLedgerHoldsExactlyTheConfirmed();
    }

    @Test
    void aConfirmedMoveCancelledBeforeItsRedeliveryStillFreesWhatTheOldBookingLeft() {
        Reservation old = booked(TEN);
        Reservation move = allocation.move(old, ELEVEN);
        flaky[0].failRelease(1);
        assertThatThrownBy(() -> allocation.decide(move)).isInstanceOf(IllegalStateException.class);
        assertThat(allocation.ledger.all()).containsValue(old.id());

        // the patient cancels the new time before the DECIDE comes back
        assertThat(allocation.cancel(move)).isEqualTo(changedTo(ReservationStatus.CANCELLED));

        assertThat(allocation.ledger.all()).isEmpty();
        assertThat(allocation.decide(move)).isEqualTo(alreadyHandled(ReservationStatus.CANCELLED));
        assertLedgerHoldsExactlyTheConfirmed();
    }

    @Test
    void aWithdrawnMoveWhoseHandBackFailedIsEndedWhenItsCancelComesAgain() {
        Reservation old = booked(TEN);
        Reservation move = allocation.move(old, TEN.plus(Duration.ofMinutes(15)));
        flaky[0].failClaim(2);     // the shared cells taken over, then the ledger times out
        flaky[0].failHandBack(1);  // and cannot take them back either
        assertThatThrownBy(() -> allocation.decide(move)).isInstanceOf(IllegalStateException.class);
        assertThat(allocation.ledger.all()).containsValue(move.id());
        allocation.visibilityTimeoutPasses();
        flaky[0].failHandBack(1);  // the patient withdraws the move: stored, then the hand-back fails again

        assertThatThrownBy(() -> allocation.cancel(move)).isInstanceOf(IllegalStateException.class);
        assertThat(allocation.stored(move).status()).isEqualTo(ReservationStatus.CANCELLED);

        // the CANCEL comes again (it was not acknowledged) and ends the hand-back
        assertThat(allocation.deliver(com.medicarewizard.port.ReservationCommand.Type.CANCEL, move.id()))
                .isEqualTo(alreadyHandled(ReservationStatus.CANCELLED));
        assertThat(allocation.stored(old)).isEqualTo(old);
        assertLedgerHoldsExactlyTheConfirmed();
    }

    @Test
    void cancellingAPendingMoveKeepsTheOldBookingWhole() {
        Reservation old = booked(TEN);
        Reservation move = allocation.move(old, TEN.plus(Duration.ofMinutes(15)));
        flaky[0].failClaim(2);
        assertThatThrownBy(() -> allocation.decide(move)).isInstanceOf(IllegalStateException.class);
        allocation.visibilityTimeoutPasses();

        assertThat(allocation.cancel(move)).isEqualTo(changedTo(ReservationStatus.CANCELLED));

        assertThat(allocation.stored(old)).isEqualTo(old);
        assertLedgerHoldsExactlyTheConfirmed();
    }

    @Test
    void aMoveLeftHalfDoneAndThenRejectedHandsTheOldCellsBack() {
        Reservation old = booked(TEN);
        booked(TEN.plus(Duration.ofMinutes(45)), PatientId.random());
        Reservation move = allocation.move(old, TEN.plus(Duration.ofMinutes(5)));
        // the first attempt had taken over the radiographer's shared cells when it stopped: a crash mid-claim
        var shared = InMemoryAllocation.cells(MRI, TEN, java.util.List.of(RAD_1));
        shared.retainAll(InMemoryAllocation.cells(MRI, move.start(), java.util.List.of(RAD_1)));
        assertThat(allocation.ledger.claimFrom(move.id(), old.id(), shared.stream().toList())).isTrue();
        allocation.visibilityTimeoutPasses();
        allocation.clock.advance(Duration.ofDays(30)); // the new time is past by the time it comes again

        assertThat(allocation.decide(move)).isEqualTo(changedTo(ReservationStatus.REJECTED));

        assertThat(allocation.ledger.all()).doesNotContainValue(move.id());
        assertThat(allocation.stored(old).status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertLedgerHoldsExactlyTheConfirmed();
    }

    /**
     * The new time's scanner cells are free on the other scanner, but the one radiographer is held by the
     * neighbour at the end: the move claims MRI 2, then finds no radiographer, and lets MRI 2 go again.
     */
    @Test
    void aMoveThatFindsTheOtherScannerButNoRadiographerLetsTheScannerGoAgain() {
        Reservation old = booked(TEN);
        Reservation neighbour = allocation.request(MRI, TEN.plus(Duration.ofMinutes(45)));
        allocation.decide(neighbour);
        Reservation move = allocation.move(old, TEN.plus(Duration.ofMinutes(10)));

        assertThat(allocation.decide(move)).isEqualTo(changedTo(ReservationStatus.REJECTED));
        assertThat(allocation.stored(move).resources()).isEmpty();
        assertThat(allocation.ledger.all()).doesNotContainValue(move.id());
        assertThat(allocation.ledger.all().keySet()).noneMatch(cell -> cell.resource().equals(MRI_2));
        assertLedgerHoldsExactlyTheConfirmed();
    }
}
