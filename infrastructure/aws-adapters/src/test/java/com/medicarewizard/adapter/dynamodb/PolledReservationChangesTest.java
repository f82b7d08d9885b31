package com.medicarewizard.adapter.dynamodb;

import static com.medicarewizard.domain.ReservationMother.pending;
import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.port.ReservationChanges.Awaited;
import com.medicarewizard.port.contract.ReservationChangesContract;
import com.medicarewizard.port.fakes.InMemoryReservations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Waiting in AWS: the item read again at growing intervals, never past the time given. */
class PolledReservationChangesTest {

    @Nested
    class Contract extends ReservationChangesContract {
        @Override
        protected Watched newWatched() {
            InMemoryReservations reservations = new InMemoryReservations();
            return new Watched(reservations, new PolledReservationChanges(reservations));
        }
    }

    @Test
    void pausesGrowFromATenthOfASecondToASecondAndEndWithTheTimeGiven() throws InterruptedException {
        List<Duration> pauses = pausesOfAnUnchangedWait(Duration.ofSeconds(5));

        assertThat(pauses).extracting(Duration::toMillis).startsWith(100L, 150L, 225L, 337L, 506L, 759L, 1000L, 1000L);
        assertThat(pauses.stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.ofSeconds(5));
        assertThat(pauses).allMatch(p -> p.isPositive() && p.compareTo(Duration.ofSeconds(1)) <= 0);
    }

    /** What a 20 s wait costs in reads (docs/adr/0010): one at once, then one after each pause. */
    @Test
    void aTwentySecondWaitReadsTheItemAboutTwentyFiveTimes() throws InterruptedException {
        assertThat(pausesOfAnUnchangedWait(Duration.ofSeconds(20)).size() + 1).isBetween(24, 26);
    }

    /** The pauses of a wait in which nothing changes, on a clock that only the pauses move. */
    private static List<Duration> pausesOfAnUnchangedWait(Duration within) throws InterruptedException {
        InMemoryReservations reservations = new InMemoryReservations();
        Reservation seen = reservations.create(pending(PatientId.random()), Optional.empty()).reservation();
        AtomicLong now = new AtomicLong();
        List<Duration> pauses = new ArrayList<>();
        var changes = new PolledReservationChanges(reservations, pause -> {
            pauses.add(pause);
            now.addAndGet(pause.toNanos());
        }, now::get);

        Awaited awaited = changes.awaitChange(seen, within);

        assertThat(awaited.reservation()).contains(seen);
        return pauses;
    }
}
