package com.medicarewizard.allocator;

import static com.medicarewizard.allocator.InMemoryAllocation.MRI_1;
import static com.medicarewizard.allocator.InMemoryAllocation.RAD_1;
import static com.medicarewizard.allocator.InMemoryAllocation.cells;
import static com.medicarewizard.allocator.InMemoryAllocation.local;
import static com.medicarewizard.allocator.ReservationAllocatorTest.alreadyHandled;
import static com.medicarewizard.allocator.ReservationAllocatorTest.changedTo;
import static com.medicarewizard.domain.CenterMother.MRI;
import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.domain.CenterMother;
import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.center.Closure;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.RejectionReason;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.port.ReservationCommand;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the allocator treats an offer from the waitlist: it holds the freed time like a booking (HELD, its
 * cells claimed, so nobody else gets them), confirms it once accepted on the cells it holds, releases it
 * when declined or lapsed, and cancels an accepted one the center can no longer hold.
 */
class ReservationAllocatorOfferTest {
    private static final Instant TEN = local("2027-12-20T10:00");
    private static final Duration HOLD = Duration.ofMinutes(15);
    private final InMemoryAllocation allocation = new InMemoryAllocation();

    /** A booking at ten, confirmed then cancelled by its patient: the time it freed. */
    private Reservation freed() {
        Reservation booking = allocation.request(MRI, TEN);
        allocation.decide(booking);
        allocation.cancel(booking);
        return allocation.stored(booking);
    }

    private Reservation offered(Reservation freed) {
        Reservation offer = Reservation.offerRequest(ReservationId.random(), PatientId.random(), freed,
                "2f6d8c1e-0000-4000-8000-000000000001", HOLD, allocation.clock.instant(), "corr-offer");
        allocation.reservations.create(offer, Optional.empty());
        return offer;
    }

    @Test
    void anOfferIsHeldOnTheFreedCellsAndNobodyElseGetsThem() {
        Reservation offer = offered(freed());

        assertThat(allocation.decide(offer)).isEqualTo(changedTo(ReservationStatus.HELD));

        Reservation held = allocation.stored(offer);
        assertThat(held.resources()).containsExactly(MRI_1, RAD_1);
        assertThat(held.heldUntil()).contains(allocation.clock.instant().plus(HOLD));
        assertThat(allocation.ledger.all()).containsOnlyKeys(cells(MRI, TEN, List.of(MRI_1, RAD_1)))
                .allSatisfy((cell, owner) -> assertThat(owner).isEqualTo(offer.id()));
        Reservation someoneElse = allocation.request(MRI, TEN);
        allocation.decide(someoneElse);
        assertThat(allocation.stored(someoneElse).resources()).doesNotContain(MRI_1);
        assertThat(allocation.decide(offer)).isEqualTo(alreadyHandled(ReservationStatus.HELD));
    }

    @Test
    void anAcceptedOfferIsConfirmedOnTheCellsItHolds() {
        Reservation offer = offered(freed());
        allocation.decide(offer);
        allocation.clock.advance(Duration.ofMinutes(5));
        allocation.reservations.update(allocation.stored(offer).acceptOffer(allocation.clock.instant()));
        // past the hold by the time the command is handled: what counts is when the patient accepted
        allocation.clock.advance(Duration.ofMinutes(20));

        assertThat(allocation.decide(offer)).isEqualTo(changedTo(ReservationStatus.CONFIRMED));

        assertThat(allocation.stored(offer).resources()).containsExactly(MRI_1, RAD_1);
        assertThat(allocation.ledger.all()).allSatisfy((cell, owner) -> assertThat(owner).isEqualTo(offer.id()));
        assertThat(allocation.decide(offer)).isEqualTo(alreadyHandled(ReservationStatus.CONFIRMED));
    }

    @Test
    void anUnansweredOfferIsLeftHeldAndADeclinedOrLapsedOneReleasesItsTime() {
        Reservation offer = offered(freed());
        allocation.decide(offer);
        assertThat(allocation.decide(offer)).isEqualTo(alreadyHandled(ReservationStatus.HELD));

        allocation.clock.advance(HOLD);
        allocation.reservations.update(allocation.stored(offer).requestLapse(allocation.clock.instant()));
        assertThat(allocation.deliver(ReservationCommand.Type.CANCEL, offer.id()))
                .isEqualTo(changedTo(ReservationStatus.CANCELLED));

        assertThat(allocation.stored(offer).reason()).contains(RejectionReason.OFFER_LAPSED);
        assertThat(allocation.ledger.all()).isEmpty();
        Reservation declined = offered(allocation.stored(offer));
        allocation.decide(declined);
        assertThat(allocation.cancel(declined)).isEqualTo(changedTo(ReservationStatus.CANCELLED));
        assertThat(allocation.ledger.all()).isEmpty();
    }

    /**
     * Decided cell by cell (a lease; an exam longer than a transaction), an offer another consumer stored
     * HELD meanwhile keeps the cells it holds: the losing attempt lets go only of what the HELD offer does not
     * hold, as for a booking CONFIRMED meanwhile.
     */
    @Test
    void anOfferStoredHeldByARacingConsumerKeepsItsCells() {
        InMemoryAllocation cellByCell = new InMemoryAllocation(ledger -> ledger);
        Reservation booking = cellByCell.request(MRI, TEN);
        cellByCell.decide(booking);
        cellByCell.cancel(booking);
        Reservation offer = Reservation.offerRequest(ReservationId.random(), PatientId.random(),
                cellByCell.stored(booking), "2f6d8c1e-0000-4000-8000-000000000001", HOLD, cellByCell.clock.instant(),
                "corr-offer");
        cellByCell.reservations.create(offer, Optional.empty());
        cellByCell.reservations.interfereWithNextUpdate(
                r -> r.decide(new com.medicarewizard.domain.reservation.Decision.Confirmed(List.of(MRI_1, RAD_1)),
                        cellByCell.clock.instant()));

        assertThat(cellByCell.decide(offer)).isEqualTo(alreadyHandled(ReservationStatus.HELD));

        assertThat(cellByCell.ledger.all()).containsOnlyKeys(cells(MRI, TEN, List.of(MRI_1, RAD_1)))
                .allSatisfy((cell, owner) -> assertThat(owner).isEqualTo(offer.id()));
    }

    /** An offer held for a patient counts among their bookings ahead: it becomes one when accepted. */
    @Test
    void anOfferHeldCountsAgainstThePatientsBookingsAhead() {
        PatientId patient = PatientId.random();
        Reservation offer = Reservation.offerRequest(ReservationId.random(), patient, freed(),
                "2f6d8c1e-0000-4000-8000-000000000001", HOLD, allocation.clock.instant(), "corr-offer");
        allocation.reservations.create(offer, Optional.empty());
        allocation.decide(offer);
        for (int day = 21; day < 21 + InMemoryAllocation.LIMIT.max() - 1; day++) {
            Reservation booking = allocation.request(MRI, local("2027-12-" + day + "T10:00"), patient);
            assertThat(allocation.decide(booking)).isEqualTo(changedTo(ReservationStatus.CONFIRMED));
        }

        Reservation oneTooMany = allocation.request(MRI, local("2027-12-28T10:00"), patient);

        assertThat(allocation.decide(oneTooMany)).isEqualTo(changedTo(ReservationStatus.REJECTED));
        assertThat(allocation.stored(oneTooMany).reason()).contains(RejectionReason.TOO_MANY_BOOKINGS);
    }

    @Test
    void anOfferWhoseTimeWasTakenMeanwhileIsRejectedAndHoldsNothing() {
        Reservation freed = freed();
        Reservation quicker = allocation.request(MRI, TEN);
        allocation.decide(quicker);
        Reservation onlyResourceLeft = allocation.request(MRI, TEN);
        allocation.decide(onlyResourceLeft);
        Reservation offer = offered(freed);

        assertThat(allocation.decide(offer)).isEqualTo(changedTo(ReservationStatus.REJECTED));
        assertThat(allocation.ledger.all().values()).doesNotContain(offer.id());
    }

    @Test
    void anOfferAcceptedOnADayTheCenterClosedMeanwhileIsCancelledByTheCenter() {
        Reservation offer = offered(freed());
        allocation.decide(offer);
        allocation.reservations.update(allocation.stored(offer).acceptOffer(allocation.clock.instant()));
        Center open = CenterMother.center();
        List<Closure> closures = new ArrayList<>(open.closures());
        closures.add(Closure.ofSite(CenterMother.NORD, LocalDate.of(2027, 12, 20), LocalDate.of(2027, 12, 20), "flood"));
        allocation.center.set(new Center(open.sites(), open.examTypes(), open.resources(), closures, open.policy()));

        assertThat(allocation.decide(offer)).isEqualTo(changedTo(ReservationStatus.CANCELLED));

        assertThat(allocation.stored(offer).reason()).contains(RejectionReason.CENTER_CLOSED);
        assertThat(allocation.ledger.all()).isEmpty();
    }
}
