package com.medicarewizard.allocator;

import static com.medicarewizard.allocator.InMemoryAllocation.local;
import static com.medicarewizard.allocator.ReservationAllocatorTest.alreadyHandled;
import static com.medicarewizard.allocator.ReservationAllocatorTest.changedTo;
import static com.medicarewizard.domain.CenterMother.MRI;
import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.port.ReservationCommand;
import com.medicarewizard.port.ReservationQueue;
import com.medicarewizard.port.fakes.InMemoryReservationQueue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The sweeper re-sends requests still PENDING after its patience, so an accepted request is never lost. */
class PendingRequestSweeperTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Instant TEN = local("2027-12-20T10:00");
    private final InMemoryAllocation allocation = new InMemoryAllocation();
    private final InMemoryReservationQueue queue = new InMemoryReservationQueue();

    private PendingRequestSweeper sweeper(ReservationQueue to, int batch) {
        return new PendingRequestSweeper(allocation.reservations, to, allocation.clock, PATIENCE, batch);
    }

    private static ReservationCommand decide(Reservation request) {
        return new ReservationCommand(ReservationCommand.Type.DECIDE, request.id(), request.correlationId());
    }

    @Test
    void resendsOverdueRequestsOldestFirstWithTheirCorrelationIds() {
        Reservation older = allocation.request(MRI, TEN);
        allocation.clock.advance(Duration.ofSeconds(5));
        Reservation newer = allocation.request(MRI, TEN);
        allocation.clock.advance(PATIENCE.plusSeconds(1));

        assertThat(sweeper(queue, 10).sweep()).isEqualTo(2);
        assertThat(queue.sent()).containsExactly(decide(older), decide(newer));
    }

    @Test
    void leavesRequestsYoungerThanItsPatienceAndDecidedOnes() {
        Reservation decided = allocation.request(MRI, TEN);
        allocation.decide(decided);
        Reservation overdue = allocation.request(MRI, TEN.plus(Duration.ofHours(1)));
        allocation.clock.advance(PATIENCE.plusSeconds(1));
        allocation.request(MRI, TEN.plus(Duration.ofHours(2))); // accepted just now

        assertThat(sweeper(queue, 10).sweep()).isEqualTo(1);
        assertThat(queue.sent()).containsExactly(decide(overdue));
    }

    @Test
    void sendsNothingWhenNothingIsOverdue() {
        allocation.request(MRI, TEN);

        assertThat(sweeper(queue, 10).sweep()).isZero();
        assertThat(queue.sent()).isEmpty();
    }

    @Test
    void resendsAtMostOneBatchPerSweep() {
        Reservation first = allocation.request(MRI, TEN);
        allocation.clock.advance(Duration.ofSeconds(1));
        Reservation second = allocation.request(MRI, TEN.plus(Duration.ofHours(1)));
        allocation.clock.advance(Duration.ofSeconds(1));
        allocation.request(MRI, TEN.plus(Duration.ofHours(2)));
        allocation.clock.advance(PATIENCE.multipliedBy(2));

        assertThat(sweeper(queue, 2).sweep()).isEqualTo(2);
        assertThat(queue.sent()).containsExactly(decide(first), decide(second));
    }

    @Test
    void stopsAtTheFirstQueueFailureAndTriesAgainOnTheNextSweep() {
        allocation.request(MRI, TEN);
        allocation.request(MRI, TEN.plus(Duration.ofHours(1)));
        allocation.clock.advance(PATIENCE.multipliedBy(2));
        AtomicInteger attempts = new AtomicInteger();
        ReservationQueue down = new ReservationQueue() {
            @Override
            public void send(ReservationCommand command) {
                attempts.incrementAndGet();
                throw new QueueUnavailableException("queue down", new RuntimeException("connection refused"));
            }

            @Override
            public QueueFigures figures() {
                return new QueueFigures(0, 0, 0);
            }
        };

        assertThat(sweeper(down, 10).sweep()).isZero();
        assertThat(attempts).hasValue(1);
        assertThat(sweeper(queue, 10).sweep()).isEqualTo(2);
    }

    @Test
    void aLostRequestIsDecidedFromTheResentCommandAndADuplicateResendIsHarmless() {
        Reservation lost = allocation.request(MRI, TEN); // accepted, but its message never reached the queue
        allocation.clock.advance(PATIENCE.plusSeconds(1));
        PendingRequestSweeper sweeper = sweeper(queue, 10);
        sweeper.sweep();
        sweeper.sweep(); // the next sweep ran before the allocator caught up

        assertThat(queue.sent()).containsExactly(decide(lost), decide(lost));
        assertThat(allocation.allocator.handle(queue.receive().orElseThrow()))
                .isEqualTo(changedTo(ReservationStatus.CONFIRMED));
        assertThat(allocation.allocator.handle(queue.receive().orElseThrow()))
                .isEqualTo(alreadyHandled(ReservationStatus.CONFIRMED));
        assertThat(allocation.ledger.all()).isEqualTo(allocation.cellsOfConfirmed());
    }
}
