package com.medicarewizard.allocator;

import static com.medicarewizard.allocator.InMemoryAllocation.local;
import static com.medicarewizard.allocator.ReservationAllocatorTest.alreadyHandled;
import static com.medicarewizard.allocator.ReservationAllocatorTest.changedTo;
import static com.medicarewizard.domain.CenterMother.MRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.port.ReservationCommand;
import com.medicarewizard.port.ReservationQueue;
import com.medicarewizard.port.fakes.InMemoryReservationQueue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * An offer still HELD a patience after its hold ended lost its lapse or its acceptance's DECIDE: an
     * unanswered one is lapsed and cancelled, an accepted one decided again; one whose hold has not long
     * ended is left to its own lapse.
     */
    @Test
    void settlesOffersStillHeldLongAfterTheirHoldAndLeavesTheOthersToTheirLapse() {
        java.util.function.BiFunction<String, Instant, Reservation> offer = (entry, start) -> {
            Reservation booking = allocation.request(MRI, start);
            allocation.decide(booking);
            allocation.cancel(booking);
            Reservation request = Reservation.offerRequest(com.medicarewizard.domain.reservation.ReservationId.random(),
                    com.medicarewizard.domain.reservation.PatientId.random(), allocation.stored(booking), entry,
                    Duration.ofMinutes(15), allocation.clock.instant(), "corr-" + entry);
            allocation.reservations.create(request, java.util.Optional.empty());
            allocation.decide(request);
            return allocation.stored(request);
        };
        Reservation unanswered = offer.apply("2f6d8c1e-0000-4000-8000-000000000001", TEN);
        Reservation accepted = offer.apply("2f6d8c1e-0000-4000-8000-000000000002", TEN.plus(Duration.ofHours(1)));
        allocation.reservations.update(accepted.acceptOffer(allocation.clock.instant()));
        allocation.clock.advance(Duration.ofMinutes(15));
        Reservation recent = offer.apply("2f6d8c1e-0000-4000-8000-000000000003", TEN.plus(Duration.ofHours(2)));
        allocation.clock.advance(PATIENCE.plusSeconds(1));

        assertThat(sweeper(queue, 10).sweep()).isEqualTo(2);

        assertThat(queue.sent()).containsExactlyInAnyOrder(decide(accepted),
                new ReservationCommand(ReservationCommand.Type.CANCEL, unanswered.id(), unanswered.correlationId()));
        assertThat(allocation.stored(unanswered).reason())
                .contains(com.medicarewizard.domain.reservation.RejectionReason.OFFER_LAPSED);
        assertThat(allocation.stored(recent).status()).isEqualTo(ReservationStatus.HELD);
        assertThat(allocation.stored(recent).cancelRequestedAt()).isEmpty();
    }

    /** A cancellation recorded on a booking whose CANCEL never reached the queue is sent again, once overdue. */
    @Test
    void sendsAgainTheCancelOfABookingWhoseCancellationWasRecordedButNeverCarriedOut() {
        Reservation booking = allocation.request(MRI, TEN);
        allocation.decide(booking);
        allocation.reservations.update(allocation.stored(booking).requestCancellation(allocation.clock.instant()));
        assertThat(sweeper(queue, 10).sweep()).isZero();

        allocation.clock.advance(PATIENCE.plusSeconds(1));

        assertThat(sweeper(queue, 10).sweep()).isEqualTo(1);
        assertThat(queue.sent()).containsExactly(new ReservationCommand(ReservationCommand.Type.CANCEL, booking.id(),
                booking.correlationId()));
        allocation.deliver(ReservationCommand.Type.CANCEL, booking.id());
        assertThat(sweeper(queue, 10).sweep()).isZero();
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
        allocation.clock.advance(PATIENCE.multipliedBy(2)); // the allocator had not caught up by the next re-send
        sweeper.sweep();

        assertThat(queue.sent()).containsExactly(decide(lost), decide(lost));
        assertThat(allocation.allocator.handle(queue.receive().orElseThrow()))
                .isEqualTo(changedTo(ReservationStatus.CONFIRMED));
        assertThat(allocation.allocator.handle(queue.receive().orElseThrow()))
                .isEqualTo(alreadyHandled(ReservationStatus.CONFIRMED));
        assertThat(allocation.ledger.all()).isEqualTo(allocation.cellsOfConfirmed());
    }

    @Test
    void sendsARequestAgainOnlyAfterADoublingPeriodNotEverySweep() {
        Reservation waiting = allocation.request(MRI, TEN);
        PendingRequestSweeper sweeper = sweeper(queue, 10);
        List<Duration> sentAfter = new ArrayList<>();
        Duration elapsed = Duration.ZERO;
        Duration every = Duration.ofSeconds(5);
        while (elapsed.compareTo(PATIENCE.multipliedBy(16)) < 0) {
            allocation.clock.advance(every);
            elapsed = elapsed.plus(every);
            if (sweeper.sweep() == 1) {
                sentAfter.add(elapsed);
            }
        }
        // patience after acceptance, then 2, 4 and 8 patiences after each re-send: 35 s, 95 s, 215 s, 455 s
        assertThat(sentAfter).containsExactly(Duration.ofSeconds(35), Duration.ofSeconds(95),
                Duration.ofSeconds(215), Duration.ofSeconds(455));
        assertThat(queue.sent()).containsOnly(decide(waiting));
    }

    /**
     * AWS's numbers: a request whose message the queue keeps retrying (hidden 3 minutes between
     * receives, dead-lettered after the fifth) stays PENDING up to 15 minutes. Swept every minute
     * with 4 minutes of patience it used to get a copy a sweep from its fourth minute on.
     */
    @Test
    void aMessageTheQueueIsStillRetryingGetsAtMostTwoCopies() {
        Duration patience = Duration.ofMinutes(4);
        Reservation retried = allocation.request(MRI, TEN);
        PendingRequestSweeper sweeper = new PendingRequestSweeper(allocation.reservations, queue, allocation.clock,
                patience, 500);
        int copies = 0;
        for (int minute = 1; minute <= 15; minute++) {
            allocation.clock.advance(Duration.ofMinutes(1));
            copies += sweeper.sweep();
            queue.receive(); // the allocator takes each copy off the queue (and fails on it, like the original)
        }
        assertThat(copies).isEqualTo(2);
        assertThat(allocation.reservations.find(retried.id()).orElseThrow().status()).isEqualTo(ReservationStatus.PENDING);
    }

    @Test
    void addsNothingToAQueueThatAlreadyHoldsASweepsWorthWaiting() {
        for (int i = 0; i < 5; i++) {
            allocation.request(MRI, TEN.plus(Duration.ofHours(i)));
        }
        allocation.clock.advance(PATIENCE.plusSeconds(1));
        queue.figures(new ReservationQueue.QueueFigures(10, 3, 0));
        assertThat(sweeper(queue, 10).sweep()).as("a backlog of a whole batch").isZero();

        queue.figures(new ReservationQueue.QueueFigures(7, 3, 0));
        assertThat(sweeper(queue, 10).sweep()).as("room for three").isEqualTo(3);
        assertThat(queue.sent()).hasSize(3);
    }

    @Test
    void sendsNothingWhenTheQueueFiguresCannotBeRead() {
        allocation.request(MRI, TEN);
        allocation.clock.advance(PATIENCE.plusSeconds(1));
        ReservationQueue blind = new ReservationQueue() {
            @Override
            public void send(ReservationCommand command) {
                queue.send(command);
            }

            @Override
            public QueueFigures figures() {
                throw new QueueUnavailableException("no figures", new RuntimeException("timeout"));
            }
        };
        assertThat(sweeper(blind, 10).sweep()).isZero();
        assertThat(queue.sent()).isEmpty();
    }

    @Test
    void passesOverRequestsBackingOffToReachOnesThatAreDue() {
        Reservation first = allocation.request(MRI, TEN);
        allocation.clock.advance(PATIENCE.plusSeconds(1));
        assertThat(sweeper(queue, 1).sweep()).isEqualTo(1); // first re-sent, now backing off
        queue.receive();
        Reservation second = allocation.request(MRI, TEN.plus(Duration.ofHours(1)));
        allocation.clock.advance(PATIENCE.plusSeconds(1));

        assertThat(sweeper(queue, 1).sweep()).isEqualTo(1);
        assertThat(queue.sent()).containsExactly(decide(first), decide(second));
    }

    @Test
    void refusesANonPositivePatienceOrBatch() {
        assertThatThrownBy(() -> sweeper(queue, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PendingRequestSweeper(allocation.reservations, queue, allocation.clock,
                Duration.ZERO, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
