package com.medicarewizard.allocator;

import static com.medicarewizard.allocator.InMemoryAllocation.MRI_2;
import static com.medicarewizard.allocator.InMemoryAllocation.NOW;
import static com.medicarewizard.allocator.InMemoryAllocation.cells;
import static com.medicarewizard.allocator.InMemoryAllocation.local;
import static com.medicarewizard.domain.CenterMother.MRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.RejectionReason;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.port.ReservationCommand;
import com.medicarewizard.port.Reservations.DecisionLease;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A request an earlier cell-by-cell attempt leased and left holding cells (it stopped half-way), then
 * rejected for a reason judged before any claim: the rejection lets go of those cells, as the rule that
 * nothing is held by a request that is not CONFIRMED wants.
 */
class LeasedLeftoversTest {
    private final InMemoryAllocation allocation = new InMemoryAllocation();

    @Test
    void aLeasedRequestRejectedForThePatientsLimitLetsGoOfWhatItsEarlierAttemptHeld() {
        PatientId patient = PatientId.random();
        Instant ten = local("2027-12-20T10:00");
        Reservation request = allocation.request(MRI, ten, patient);
        // an attempt before claimed a scanner cell by cell, under its lease, and stopped
        allocation.reservations.leaseDecision(request.id(), new DecisionLease("stopped", NOW.plusSeconds(60)), NOW);
        allocation.ledger.claim(request.id(), List.copyOf(cells(MRI, ten, List.of(MRI_2))));
        // meanwhile the patient reached the limit with other bookings
        for (int day = 21; day <= 23; day++) {
            allocation.decide(allocation.request(MRI, local("2027-12-" + day + "T10:00"), patient));
        }
        allocation.visibilityTimeoutPasses();

        allocation.decide(request);

        assertThat(allocation.stored(request).status()).isEqualTo(ReservationStatus.REJECTED);
        assertThat(allocation.stored(request).reason()).contains(RejectionReason.TOO_MANY_BOOKINGS);
        assertThat(allocation.ledger.all()).doesNotContainValue(request.id());
    }

    @Test
    void aLeasedRequestRefusedBeforeAnyClaimLetsGoOfWhatItsEarlierAttemptHeld() {
        Instant ten = local("2027-12-20T10:00");
        Reservation request = allocation.request(MRI, ten);
        allocation.reservations.leaseDecision(request.id(), new DecisionLease("stopped", NOW.plusSeconds(60)), NOW);
        allocation.ledger.claim(request.id(), List.copyOf(cells(MRI, ten, List.of(MRI_2))));
        allocation.withdraw(MRI); // the catalog stops offering it before the command comes back
        allocation.visibilityTimeoutPasses();

        allocation.decide(request);

        assertThat(allocation.stored(request).status()).isEqualTo(ReservationStatus.REJECTED);
        assertThat(allocation.stored(request).reason()).contains(RejectionReason.NOT_OFFERED);
        assertThat(allocation.ledger.all()).doesNotContainValue(request.id());
    }

    @Test
    void aCancelledRequestWhoseLeftoversCouldNotBeLetGoLetsThemGoWhenItsCommandComesAgain() {
        FlakySlotLedger[] flaky = new FlakySlotLedger[1];
        InMemoryAllocation cellByCell = new InMemoryAllocation(ledger -> flaky[0] = new FlakySlotLedger(ledger));
        Instant ten = local("2027-12-20T10:00");
        Reservation request = cellByCell.request(MRI, ten);
        cellByCell.reservations.leaseDecision(request.id(), new DecisionLease("stopped", NOW.plusSeconds(60)), NOW);
        cellByCell.ledger.claim(request.id(), List.copyOf(cells(MRI, ten, List.of(MRI_2))));
        cellByCell.visibilityTimeoutPasses();
        flaky[0].failRelease(1); // stored CANCELLED, then the table times out letting go

        assertThatThrownBy(() -> cellByCell.cancel(request)).isInstanceOf(IllegalStateException.class);
        assertThat(cellByCell.stored(request).status()).isEqualTo(ReservationStatus.CANCELLED);

        cellByCell.deliver(ReservationCommand.Type.CANCEL, request.id());

        assertThat(cellByCell.ledger.all()).doesNotContainValue(request.id());
    }
}
