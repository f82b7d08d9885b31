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

import com.medicarewizard.domain.reservation.Decision;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.port.Reservations.ConcurrentChangeException;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the allocator does when its write meets another writer (the version-conditioned update
 * fails) or a store fails: no cell is left held by a reservation that is not confirmed with it,
 * and the command can be delivered again.
 */
class ReservationAllocatorRaceTest {
    private static final Instant TEN = local("2027-12-20T10:00");
    private FlakySlotLedger flaky;
    private final InMemoryAllocation allocation = new InMemoryAllocation(ledger -> flaky = new FlakySlotLedger(ledger));

    private void failNextStore() {
        allocation.reservations.interfereWithNextUpdate(r -> {
            throw new IllegalStateException("table unavailable");
        });
    }

    /** The redelivered request ends confirmed as if nothing had failed, nothing else held in its name. */
    private void redeliveryConfirmsOnTheFirstScannerAndRadiographer(Reservation request) {
        allocation.visibilityTimeoutPasses();
        assertThat(allocation.decide(request)).isEqualTo(changedTo(ReservationStatus.CONFIRMED));
        assertThat(allocation.stored(request).resources()).containsExactly(MRI_1, RAD_1);
        assertThat(allocation.ledger.all()).isEqualTo(allocation.cellsOfConfirmed());
    }

    /** The decision fails as the ledger or the table did, leaving the request PENDING for a redelivery. */
    private void decisionFails(Reservation request) {
        assertThatThrownBy(() -> allocation.decide(request)).isInstanceOf(IllegalStateException.class);
        assertThat(allocation.stored(request).status()).isEqualTo(ReservationStatus.PENDING);
    }

    @Test
    void aCancelRequestedWhileDecidingReleasesTheClaimsAndCancelsOnTheRetry() {
        Reservation request = allocation.request(MRI, TEN);
        allocation.reservations.interfereWithNextUpdate(r -> r.requestCancellation(allocation.clock.instant()));

        assertThat(allocation.decide(request)).isEqualTo(changedTo(ReservationStatus.CANCELLED));
        assertThat(allocation.ledger.all()).isEmpty();
    }

    @Test
    void aDecisionStoredMeanwhileWithTheSameResourcesKeepsItsCells() {
        Reservation request = allocation.request(MRI, TEN);
        allocation.reservations.interfereWithNextUpdate(
                r -> r.decide(new Decision.Confirmed(List.of(MRI_1, RAD_1)), allocation.clock.instant()));

        assertThat(allocation.decide(request)).isEqualTo(alreadyHandled(ReservationStatus.CONFIRMED));
        assertThat(allocation.ledger.all()).isEqualTo(allocation.cellsOfConfirmed()).isNotEmpty();
    }

    @Test
    void aDecisionStoredMeanwhileWithOtherResourcesKeepsTheCellsItShares() {
        Reservation request = allocation.request(MRI, TEN);
        // a second consumer confirmed it on MRI-2 while MRI-1 was busy; MRI-1 has been freed since
        allocation.ledger.claim(request.id(), List.copyOf(cells(MRI, TEN, List.of(MRI_2, RAD_1))));
        allocation.reservations.interfereWithNextUpdate(
                r -> r.decide(new Decision.Confirmed(List.of(MRI_2, RAD_1)), allocation.clock.instant()));

        assertThat(allocation.decide(request)).isEqualTo(alreadyHandled(ReservationStatus.CONFIRMED));
        assertThat(allocation.ledger.all()).isEqualTo(allocation.cellsOfConfirmed());
    }

    @Test
    void aCancelRequestedWhileRejectingIsHonouredOnTheRetry() {
        allocation.decide(allocation.request(MRI, TEN));
        Reservation request = allocation.request(MRI, TEN);
        allocation.reservations.interfereWithNextUpdate(r -> r.requestCancellation(allocation.clock.instant()));

        assertThat(allocation.decide(request)).isEqualTo(changedTo(ReservationStatus.CANCELLED));
        assertThat(allocation.ledger.all()).isEqualTo(allocation.cellsOfConfirmed());
    }

    @Test
    void givesUpAfterThreeConcurrentChangesHoldingNothingSoTheQueueRetries() {
        Reservation request = allocation.request(MRI, TEN);
        for (int i = 0; i < 3; i++) {
            allocation.reservations.interfereWithNextUpdate(r -> r);
        }

        assertThatThrownBy(() -> allocation.decide(request)).isInstanceOf(ConcurrentChangeException.class);
        assertThat(allocation.stored(request).status()).isEqualTo(ReservationStatus.PENDING);
        assertThat(allocation.ledger.all()).isEmpty();

        allocation.visibilityTimeoutPasses();
        assertThat(allocation.decide(request)).isEqualTo(changedTo(ReservationStatus.CONFIRMED));
    }

    @Test
    void aLedgerFailureMidClaimLeavesTheRequestPendingAndItsRedeliveryMakesTheSameChoice() {
        Reservation request = allocation.request(MRI, TEN);
        flaky.failClaim(2); // the scanner is claimed, the radiographer's claim times out
        decisionFails(request);

        redeliveryConfirmsOnTheFirstScannerAndRadiographer(request);
    }

    @Test
    void aRedeliveryThatChoosesAnotherScannerLeavesNothingOfTheFailedAttempt() {
        Reservation first = allocation.request(MRI, TEN);
        allocation.decide(first);
        Reservation second = allocation.request(MRI, TEN);
        flaky.failClaim(3); // MRI-1 is busy, MRI-2 is claimed, then the radiographer's claim times out
        decisionFails(second);
        allocation.cancel(first);

        redeliveryConfirmsOnTheFirstScannerAndRadiographer(second);
    }

    @Test
    void aCancelAfterAFailedAttemptReleasesTheCellsThatAttemptClaimed() {
        Reservation request = allocation.request(MRI, TEN);
        flaky.failClaim(2);
        decisionFails(request);

        assertThat(allocation.cancel(request)).isEqualTo(changedTo(ReservationStatus.CANCELLED));
        assertThat(allocation.ledger.all()).isEmpty();
    }

    @Test
    void aCancelRequestedAfterAFailedStoreIsDecidedAsACancelThatReleasesTheClaims() {
        Reservation request = allocation.request(MRI, TEN);
        failNextStore();
        decisionFails(request);
        allocation.reservations.update(allocation.stored(request).requestCancellation(allocation.clock.instant()));

        assertThat(allocation.decide(request)).isEqualTo(changedTo(ReservationStatus.CANCELLED));
        assertThat(allocation.ledger.all()).isEmpty();
    }

    @Test
    void aStoreFailureAfterClaimingIsRepairedByTheRedelivery() {
        Reservation request = allocation.request(MRI, TEN);
        failNextStore();
        decisionFails(request);

        redeliveryConfirmsOnTheFirstScannerAndRadiographer(request);
    }
}
