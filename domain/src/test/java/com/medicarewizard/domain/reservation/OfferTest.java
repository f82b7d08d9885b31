package com.medicarewizard.domain.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medicarewizard.domain.ReservationMother;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

/** An offer from the waitlist: HELD when decided, accepted only in time, lapsed only unanswered after its hold. */
class OfferTest {
    private static final Instant DECIDED = Instant.parse("2030-03-04T09:00:00Z");
    private static final Duration HOLD = Duration.ofMinutes(15);
    private final Reservation freed = ReservationMother.confirmed(ReservationMother.pending(PatientId.random()),
            DECIDED.minusSeconds(3600)).cancel(DECIDED.minusSeconds(60));
    private final Reservation request = Reservation.offerRequest(ReservationId.random(), PatientId.random(), freed,
            "2f6d8c1e-0000-4000-8000-000000000001", HOLD, DECIDED.minusSeconds(1), "corr");
    private final Reservation held = ReservationMother.confirmed(request, DECIDED);

    @Test
    void anOfferIsTheFreedTimeAndIsHeldNotConfirmedWhenDecided() {
        assertThat(request.start()).isEqualTo(freed.start());
        assertThat(request.examType()).isEqualTo(freed.examType());
        assertThat(request.heldUntil()).isEmpty();
        assertThat(held.status()).isEqualTo(ReservationStatus.HELD);
        assertThat(held.heldUntil()).contains(DECIDED.plus(HOLD));
        assertThat(held.resources()).isNotEmpty();
        assertThat(ReservationMother.rejected(request, DECIDED).status()).isEqualTo(ReservationStatus.REJECTED);
    }

    @Test
    void itIsAcceptedOnlyBeforeItsHoldEndsAndOnlyOnce() {
        Instant end = DECIDED.plus(HOLD);
        assertThat(held.isAcceptable(end.minusMillis(1))).isTrue();
        assertThat(held.isAcceptable(end)).isFalse();
        assertThatThrownBy(() -> held.acceptOffer(end)).isInstanceOf(IllegalTransitionException.class);

        Reservation accepted = held.acceptOffer(end.minusSeconds(1));
        assertThat(accepted.isAccepted()).isTrue();
        assertThat(accepted.awaitsAllocator()).isTrue();
        assertThat(accepted.isAcceptable(end.minusMillis(1))).isFalse();
        assertThat(accepted.hasLapsed(end.plusSeconds(60))).isFalse();
        assertThat(accepted.confirmAccepted().status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThatThrownBy(held::confirmAccepted).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void anUnansweredOfferLapsesOnlyOnceItsHoldIsOverAndADeclinedOneIsCancelledLikeABooking() {
        Instant end = DECIDED.plus(HOLD);
        assertThat(held.hasLapsed(end.minusMillis(1))).isFalse();
        assertThat(held.hasLapsed(end)).isTrue();
        Reservation lapsing = held.requestLapse(end);
        assertThat(lapsing.reason()).contains(RejectionReason.OFFER_LAPSED);
        assertThat(lapsing.awaitsAllocator()).isTrue();
        assertThat(lapsing.isAcceptable(end.minusSeconds(1))).isFalse();
        assertThat(lapsing.cancel(end.plusSeconds(1)).status()).isEqualTo(ReservationStatus.CANCELLED);

        Reservation declined = held.requestCancellation(DECIDED.plusSeconds(30));
        assertThat(declined.hasLapsed(end)).isFalse();
        assertThat(declined.isAcceptable(DECIDED.plusSeconds(31))).isFalse();
        assertThat(declined.cancel(DECIDED.plusSeconds(32)).status()).isEqualTo(ReservationStatus.CANCELLED);
    }

    @Test
    void onlyAnOfferIsEverHeld() {
        Reservation booking = ReservationMother.pending(PatientId.random());
        assertThat(ReservationMother.confirmed(booking, DECIDED).status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(booking.isOffer()).isFalse();
        assertThatThrownBy(() -> new Reservation(booking.id(), booking.patient(), booking.examType(), booking.site(),
                booking.start(), booking.end(), ReservationStatus.HELD, booking.reason(), booking.resources(),
                booking.requestedAt(), booking.decidedAt(), booking.cancelRequestedAt(), booking.cancelledAt(),
                booking.correlationId(), 0, booking.replaces(), booking.movedTo()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
