package com.medicarewizard.allocator;

import static com.medicarewizard.allocator.InMemoryAllocation.ECG_1;
import static com.medicarewizard.allocator.InMemoryAllocation.MRI_1;
import static com.medicarewizard.allocator.InMemoryAllocation.NOW;
import static com.medicarewizard.allocator.InMemoryAllocation.RAD_1;
import static com.medicarewizard.allocator.InMemoryAllocation.cells;
import static com.medicarewizard.allocator.InMemoryAllocation.local;
import static com.medicarewizard.domain.CenterMother.ECG;
import static com.medicarewizard.domain.CenterMother.MRI;
import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.allocator.AllocationOutcome.Kind;
import com.medicarewizard.domain.center.Center;
import com.medicarewizard.domain.center.ExamTypeCode;
import com.medicarewizard.domain.reservation.RejectionReason;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.port.ReservationCommand;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the allocator decides a PENDING request: confirmed on free resources, or rejected with a reason. */
class ReservationAllocatorTest {
    private static final Instant TEN = local("2027-12-20T10:00");
    private final InMemoryAllocation allocation = new InMemoryAllocation();

    @Test
    void confirmsARequestOnTheFirstFreeResourceOfEveryKindAndHoldsItsWholeOccupancy() {
        Reservation request = allocation.request(MRI, TEN);

        assertThat(allocation.decide(request)).isEqualTo(changedTo(ReservationStatus.CONFIRMED));

        Reservation confirmed = allocation.stored(request);
        assertThat(confirmed.resources()).containsExactly(MRI_1, RAD_1);
        assertThat(confirmed.decidedAt()).contains(NOW);
        assertThat(allocation.ledger.all()).containsOnlyKeys(cells(MRI, TEN, List.of(MRI_1, RAD_1)))
                .allSatisfy((cell, holder) -> assertThat(holder).isEqualTo(request.id()));
    }

    @Test
    void rejectsSlotTakenWhenOneKindIsFullAndReleasesWhatItHadClaimed() {
        Reservation first = allocation.request(MRI, TEN);
        allocation.decide(first);
        Reservation second = allocation.request(MRI, TEN);

        // the second scanner is free, the only radiographer is not: MRI-2 is claimed, then let go
        assertThat(allocation.decide(second)).isEqualTo(changedTo(ReservationStatus.REJECTED));

        assertThat(allocation.stored(second).reason()).contains(RejectionReason.SLOT_TAKEN);
        assertThat(allocation.stored(second).resources()).isEmpty();
        assertThat(allocation.ledger.all()).isEqualTo(allocation.cellsOfConfirmed()).doesNotContainValue(second.id());
    }

    @Test
    void buffersKeepTheNextExamOffUntilTheTurnoverAndSetUpAreOver() {
        allocation.decide(allocation.request(MRI, TEN));
        Reservation during = allocation.request(MRI, TEN.plus(Duration.ofMinutes(30)));
        Reservation after = allocation.request(MRI, TEN.plus(Duration.ofMinutes(45)));

        assertThat(allocation.decide(during)).isEqualTo(changedTo(ReservationStatus.REJECTED));
        assertThat(allocation.decide(after)).isEqualTo(changedTo(ReservationStatus.CONFIRMED));
        assertThat(allocation.ledger.all()).isEqualTo(allocation.cellsOfConfirmed());
    }

    @Test
    void examsNeedingOtherResourcesShareTheTime() {
        allocation.decide(allocation.request(MRI, TEN));
        Reservation ecg = allocation.request(ECG, TEN);

        assertThat(allocation.decide(ecg)).isEqualTo(changedTo(ReservationStatus.CONFIRMED));
        assertThat(allocation.stored(ecg).resources()).containsExactly(ECG_1);
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
            "MRI-KNEE, 2027-12-25T10:00, CLOSED", // the holiday closure
            "MRI-KNEE, 2027-12-19T10:00, CLOSED", // Sunday: no opening hours
            "MRI-KNEE, 2027-12-20T12:45, CLOSED", // runs into the lunch break
            "MRI-KNEE, 2027-12-20T08:00, CLOSED", // the set-up buffer starts before opening
            "MRI-KNEE, 2027-12-20T17:30, CLOSED", // the turnover ends after closing
            "ECG, 2027-12-20T23:45, CLOSED", // an every-day room, but the turnover crosses midnight
            "MRI-KNEE, 2027-12-20T10:05, OFF_GRID",
            "MRI-KNEE, 2027-12-13T10:00, TOO_SOON", // an hour after the request: notice is two hours
            "MRI-KNEE, 2028-06-12T10:00, BEYOND_HORIZON" // 182 days ahead
    })
    void rejectsAStartTheRulesNeverAllowWithoutClaimingAnything(String exam, String start, RejectionReason reason) {
        Reservation request = allocation.request(new ExamTypeCode(exam), local(start));

        assertThat(allocation.decide(request)).isEqualTo(changedTo(ReservationStatus.REJECTED));

        assertThat(allocation.stored(request).reason()).contains(reason);
        assertThat(allocation.ledger.all()).isEmpty();
    }

    @Test
    void judgesNoticeAsOfTheRequestSoALateDecisionStillConfirms() {
        Reservation request = allocation.request(MRI, local("2027-12-13T11:15"));
        allocation.clock.advance(Duration.ofHours(1)); // now only 75 minutes ahead: within the notice

        assertThat(allocation.decide(request)).isEqualTo(changedTo(ReservationStatus.CONFIRMED));
    }

    @Test
    void rejectsAsTooSoonAStartThatHasPassedBeforeTheDecision() {
        Reservation request = allocation.request(MRI, local("2027-12-13T11:15"));
        allocation.clock.advance(Duration.ofHours(3));

        assertThat(allocation.decide(request)).isEqualTo(changedTo(ReservationStatus.REJECTED));
        assertThat(allocation.stored(request).reason()).contains(RejectionReason.TOO_SOON);
        assertThat(allocation.ledger.all()).isEmpty();
    }

    @Test
    void rejectsAsNotOfferedAnExamTypeWithdrawnFromTheCatalogSinceTheRequest() {
        Reservation request = allocation.request(MRI, TEN);
        allocation.withdraw(MRI);

        assertThat(allocation.decide(request)).isEqualTo(changedTo(ReservationStatus.REJECTED));
        assertThat(allocation.stored(request).reason()).contains(RejectionReason.NOT_OFFERED);
        assertThat(allocation.ledger.all()).isEmpty();
    }

    @Test
    void rejectsAsNotOfferedARequestForASiteNoLongerInTheCatalog() {
        Reservation request = allocation.request(MRI, TEN);
        Center before = allocation.center.get();
        allocation.center.set(new Center(List.of(), before.examTypes(), List.of(), List.of(), before.policy()));

        assertThat(allocation.decide(request)).isEqualTo(changedTo(ReservationStatus.REJECTED));
        assertThat(allocation.stored(request).reason()).contains(RejectionReason.NOT_OFFERED);
    }

    @Test
    void aCommandForAnUnknownReservationChangesNothing() {
        AllocationOutcome outcome = allocation.deliver(ReservationCommand.Type.DECIDE, ReservationId.random());

        assertThat(outcome).isEqualTo(new AllocationOutcome(Kind.UNKNOWN_RESERVATION, Optional.empty()));
        assertThat(allocation.reservations.snapshot()).isEmpty();
    }

    @Test
    void aRedeliveredDecisionIsANoOp() {
        Reservation request = allocation.request(MRI, TEN);
        allocation.decide(request);
        int writes = allocation.reservations.updates();

        assertThat(allocation.decide(request)).isEqualTo(alreadyHandled(ReservationStatus.CONFIRMED));
        assertThat(allocation.reservations.updates()).isEqualTo(writes);
        assertThat(allocation.ledger.all()).isEqualTo(allocation.cellsOfConfirmed());
    }

    @Test
    void aReplayedDecisionOfARejectedRequestClaimsNothingEvenWhenTheTimeHasFreedUp() {
        Reservation first = allocation.request(MRI, TEN);
        allocation.decide(first);
        Reservation rejected = allocation.request(MRI, TEN);
        allocation.decide(rejected);
        allocation.cancel(first);

        assertThat(allocation.decide(rejected)).isEqualTo(alreadyHandled(ReservationStatus.REJECTED));
        assertThat(allocation.ledger.all()).isEmpty();
    }

    static AllocationOutcome changedTo(ReservationStatus status) {
        return new AllocationOutcome(Kind.CHANGED, Optional.of(status));
    }

    static AllocationOutcome alreadyHandled(ReservationStatus status) {
        return new AllocationOutcome(Kind.ALREADY_HANDLED, Optional.of(status));
    }
}
