package com.medicarewizard.allocator;

import static com.medicarewizard.allocator.InMemoryAllocation.local;
import static com.medicarewizard.allocator.ReservationAllocatorTest.changedTo;
import static com.medicarewizard.domain.CenterMother.ECG;
import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.RejectionReason;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The allocator holds each patient to {@link InMemoryAllocation#LIMIT} bookings ahead, as it decides. */
class ActiveBookingsLimitAllocationTest {
    private final InMemoryAllocation allocation = new InMemoryAllocation();
    private final PatientId patient = PatientId.random();

    /** ECG at 10:00 on the working days from Monday 2027-12-20. */
    private static Instant day(int n) {
        return local("2027-12-20T10:00").plus(Duration.ofDays(n));
    }

    private List<Reservation> requests(int count) {
        return IntStream.range(0, count).mapToObj(i -> allocation.request(ECG, day(i), patient)).toList();
    }

    @Test
    void aBurstOfRequestsConfirmsUpToTheLimitAndRejectsTheRestWithoutClaimingAnything() {
        List<Reservation> burst = requests(5);

        burst.forEach(allocation::decide);

        List<Reservation> decided = burst.stream().map(allocation::stored).toList();
        assertThat(decided).extracting(Reservation::status).containsExactly(ReservationStatus.CONFIRMED,
                ReservationStatus.CONFIRMED, ReservationStatus.CONFIRMED, ReservationStatus.REJECTED,
                ReservationStatus.REJECTED);
        assertThat(decided.subList(3, 5)).allSatisfy(r -> {
            assertThat(r.reason()).contains(RejectionReason.TOO_MANY_BOOKINGS);
            assertThat(r.resources()).isEmpty();
        });
        assertThat(allocation.ledger.all()).isEqualTo(allocation.cellsOfConfirmed());
    }

    @Test
    void aCancelledBookingMakesRoomAgain() {
        List<Reservation> three = requests(3);
        three.forEach(allocation::decide);
        allocation.cancel(three.getFirst());

        Reservation next = allocation.request(ECG, day(3), patient);

        assertThat(allocation.decide(next)).isEqualTo(changedTo(ReservationStatus.CONFIRMED));
    }

    @Test
    void bookingsThatHaveStartedNoLongerCount() {
        requests(3).forEach(allocation::decide);
        allocation.clock.advance(Duration.ofDays(10)); // 2027-12-23: the three (20th to 22nd) have started

        Reservation next = allocation.request(ECG, day(7), patient);

        assertThat(allocation.decide(next)).isEqualTo(changedTo(ReservationStatus.CONFIRMED));
    }

    @Test
    void otherPatientsBookingsDoNotCount() {
        requests(3).forEach(allocation::decide);

        Reservation someoneElses = allocation.request(ECG, day(3));

        assertThat(allocation.decide(someoneElses)).isEqualTo(changedTo(ReservationStatus.CONFIRMED));
    }

    @Test
    void aRedeliveredConfirmationAtTheLimitStaysConfirmed() {
        List<Reservation> three = requests(3);
        three.forEach(allocation::decide);

        assertThat(allocation.decide(three.getLast()))
                .isEqualTo(ReservationAllocatorTest.alreadyHandled(ReservationStatus.CONFIRMED));
    }
}
