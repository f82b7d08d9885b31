package com.medicarewizard.allocator;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.domain.CenterMother;
import com.medicarewizard.domain.availability.Occupancy;
import com.medicarewizard.domain.center.ExamTypeCode;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The allocation invariants, through the real {@link ReservationAllocator} on the in-memory ports,
 * whatever the order, duplication or replay of the commands, the patients' cancellations and moves, and
 * the ledger's failures: no resource-time is given to two confirmed reservations; every confirmed
 * reservation holds its cells all along; once every command has been handled, the ledger holds
 * exactly the cells of the confirmed reservations (nothing leaked by rejections, cancellations or
 * failed attempts) and no request is left PENDING.
 */
class AllocationProperties {
    private static final Instant NINE = InMemoryAllocation.local("2027-12-20T09:00");

    @Property(tries = 200)
    void noResourceTimeIsEverGivenTwiceAndNothingLeaks(@ForAll("requests") List<Requested> requests,
                                                        @ForAll("steps") List<QueueStep> steps) {
        play(new CommandQueue(true), requests, steps);
    }

    /** The same, every request decided cell by cell under its lease: the path of moves and of long exams. */
    @Property(tries = 200)
    void cellByCellNoResourceTimeIsEverGivenTwiceAndNothingLeaks(@ForAll("requests") List<Requested> requests,
                                                                  @ForAll("steps") List<QueueStep> steps) {
        play(new CommandQueue(false), requests, steps);
    }

    private static void play(CommandQueue queue, List<Requested> requests, List<QueueStep> steps) {
        for (Requested requested : requests) {
            queue.request(requested.exam(), NINE.plus(Duration.ofMinutes(15L * requested.quarter())));
        }
        for (QueueStep step : steps) {
            queue.apply(step);
            assertNoResourceTimeGivenTwice(queue.allocation);
            assertThat(queue.allocation.ledger.all()).containsAllEntriesOf(queue.allocation.cellsOfConfirmed());
        }
        queue.drain();
        assertThat(queue.allocation.ledger.all()).isEqualTo(queue.allocation.cellsOfConfirmed());
        assertThat(queue.allocation.reservations.snapshot().values()).map(Reservation::status)
                .doesNotContain(ReservationStatus.PENDING);
    }

    /** Judged on the stored reservations alone, not on the ledger that is meant to enforce it. */
    static void assertNoResourceTimeGivenTwice(InMemoryAllocation allocation) {
        List<Reservation> confirmed = allocation.reservations.snapshot().values().stream()
                .filter(r -> r.status() == ReservationStatus.CONFIRMED).toList();
        for (Reservation one : confirmed) {
            for (Reservation other : confirmed) {
                if (one != other && shareAResource(one, other)) {
                    Occupancy a = occupancy(one);
                    Occupancy b = occupancy(other);
                    assertThat(a.to().isAfter(b.from()) && b.to().isAfter(a.from()))
                            .as("%s and %s overlap on a shared resource", one, other).isFalse();
                }
            }
        }
    }

    private static boolean shareAResource(Reservation one, Reservation other) {
        return one.resources().stream().anyMatch(other.resources()::contains);
    }

    private static Occupancy occupancy(Reservation reservation) {
        return Occupancy.of(CenterMother.center().examType(reservation.examType()).orElseThrow(), reservation.start());
    }

    /** An exam at one of three quarter-hour starts from nine o'clock: close enough to collide often. */
    record Requested(ExamTypeCode exam, int quarter) {
    }

    @Provide
    Arbitrary<List<Requested>> requests() {
        Arbitrary<ExamTypeCode> exams = Arbitraries.frequency(Tuple.of(3, CenterMother.MRI), Tuple.of(1, CenterMother.ECG));
        return Combinators.combine(exams, Arbitraries.integers().between(0, 2)).as(Requested::new)
                .list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<List<QueueStep>> steps() {
        Arbitrary<QueueStep.Action> actions = Arbitraries.frequency(Tuple.of(4, QueueStep.Action.DELIVER),
                Tuple.of(1, QueueStep.Action.DUPLICATE), Tuple.of(1, QueueStep.Action.REPLAY),
                Tuple.of(2, QueueStep.Action.CANCEL), Tuple.of(2, QueueStep.Action.MOVE),
                Tuple.of(2, QueueStep.Action.FAIL_A_CLAIM));
        return Combinators.combine(actions, Arbitraries.integers().between(0, 99)).as(QueueStep::new)
                .list().ofMaxSize(50);
    }
}
