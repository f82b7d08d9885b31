package com.medicarewizard.domain.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.domain.ReservationMother;
import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.Reservation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Issue 16, finding 9: a burst drained between two reads of the queue's gauge is still seen. */
class WaitingPeakTest {
    private static final Instant FROM = Instant.parse("2030-03-04T08:00:00Z");
    private static final Instant TO = FROM.plusSeconds(10);

    private static Reservation accepted(Instant at) {
        return ReservationMother.pending(PatientId.random(), ReservationMother.START, at);
    }

    private static Reservation decided(Instant accepted, Instant decided) {
        return ReservationMother.confirmed(accepted(accepted), decided);
    }

    @Test
    void aBurstOf180DrainedWithinASecondPeaksAt180() {
        List<Reservation> burst = new ArrayList<>();
        for (int i = 0; i < 180; i++) {
            Instant at = FROM.plusSeconds(4).plusMillis(i);
            burst.add(decided(at, FROM.plusSeconds(5).plusMillis(i * 3)));
        }
        assertThat(WaitingPeak.within(burst, FROM, TO)).isEqualTo(180);
    }

    @Test
    void requestsWaitingSinceBeforeTheSpanCountFromItsStartAndPendingOnesUntilItsEnd() {
        List<Reservation> requests = List.of(
                decided(FROM.minusSeconds(30), FROM.plusSeconds(2)),   // waiting at the start, decided within
                accepted(FROM.minusSeconds(5)),                          // pending all along
                decided(FROM.plusSeconds(1), FROM.plusSeconds(3)),     // within
                decided(FROM.minusSeconds(20), FROM.minusSeconds(1)),  // decided before the span: not waiting in it
                accepted(TO.plusSeconds(1)));                            // after the span
        // at 1 s: the first, the pending one and the third
        assertThat(WaitingPeak.within(requests, FROM, TO)).isEqualTo(3);
    }

    @Test
    void oneDecidedAsAnotherArrivesFreesItsPlaceFirst() {
        Instant at = FROM.plusSeconds(5);
        List<Reservation> requests = List.of(decided(FROM.plusSeconds(1), at), decided(at, at.plus(Duration.ofMillis(10))));
        assertThat(WaitingPeak.within(requests, FROM, TO)).isEqualTo(1);
        assertThat(WaitingPeak.within(List.of(), FROM, TO)).isZero();
    }
}
