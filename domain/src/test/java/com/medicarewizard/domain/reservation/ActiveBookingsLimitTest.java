package com.medicarewizard.domain.reservation;

import static com.medicarewizard.domain.ReservationMother.REQUESTED_AT;
import static com.medicarewizard.domain.ReservationMother.confirmed;
import static com.medicarewizard.domain.ReservationMother.pending;
import static com.medicarewizard.domain.ReservationMother.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** At most N bookings ahead per patient: what the allocator and the intake each count. */
class ActiveBookingsLimitTest {
    private final PatientId patient = PatientId.random();
    private final ActiveBookingsLimit limit = new ActiveBookingsLimit(2);

    private Reservation confirmedOne() {
        return confirmed(pending(patient), REQUESTED_AT);
    }

    @Test
    void theAllocatorConfirmsUntilThePatientHoldsTheLimit() {
        Reservation request = pending(patient);
        List<Reservation> ahead = new ArrayList<>(List.of(confirmedOne(), request));
        assertThat(limit.allowsConfirming(request, ahead)).isTrue();

        ahead.add(confirmedOne());
        assertThat(limit.allowsConfirming(request, ahead)).isFalse();
    }

    @Test
    void theAllocatorCountsNeitherRequestsStillPendingNorRejectedOrCancelledOnes() {
        Reservation request = pending(patient);
        Reservation cancelled = confirmedOne().requestCancellation(REQUESTED_AT).cancel(REQUESTED_AT);
        List<Reservation> ahead = List.of(confirmedOne(), pending(patient), pending(patient),
                rejected(pending(patient), REQUESTED_AT), cancelled, request);

        assertThat(limit.allowsConfirming(request, ahead)).isTrue();
    }

    @Test
    void aRedeliveredRequestAlreadyConfirmedIsNotCountedAgainstItself() {
        Reservation request = confirmedOne();

        assertThat(limit.allowsConfirming(request, List.of(confirmedOne(), request))).isTrue();
    }

    @Test
    void theIntakeCountsConfirmedAndPendingOnes() {
        assertThat(limit.allowsRequesting(List.of(confirmedOne(), rejected(pending(patient), REQUESTED_AT))))
                .isTrue();
        assertThat(limit.allowsRequesting(List.of(confirmedOne(), pending(patient)))).isFalse();
    }

    @Test
    void aMoveReplacesABookingSoNeitherSideCountsItTwice() {
        Reservation booked = confirmedOne();
        Reservation move = Reservation.moveRequest(ReservationId.random(), booked, booked.site(),
                booked.start().plusSeconds(86_400), booked.end().plusSeconds(86_400), REQUESTED_AT, "corr-move");
        Reservation other = confirmedOne();

        assertThat(limit.allowsConfirming(move, List.of(booked, other, move))).as("the allocator").isTrue();
        assertThat(limit.allowsRequesting(List.of(booked, move))).as("the intake, a move under way").isTrue();
        assertThat(limit.allowsRequesting(List.of(booked, move, other))).isFalse();
    }

    @Test
    void aPatientMayHoldAtLeastOneBooking() {
        assertThatThrownBy(() -> new ActiveBookingsLimit(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ActiveBookingsLimit.standard().max()).isEqualTo(10);
    }
}
