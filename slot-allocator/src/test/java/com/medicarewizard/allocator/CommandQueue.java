package com.medicarewizard.allocator;

import com.medicarewizard.domain.center.ExamTypeCode;
import com.medicarewizard.domain.reservation.Reservation;
import com.medicarewizard.domain.reservation.ReservationStatus;
import com.medicarewizard.port.ReservationCommand;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The allocator's queue as the properties play it: commands delivered in any order, duplicated,
 * replayed, retried after a failure, over an {@link InMemoryAllocation} whose ledger fails when told.
 */
final class CommandQueue {
    private FlakySlotLedger flaky;
    final InMemoryAllocation allocation;

    /** @param inOneWrite whether requests are decided in one write ({@link com.medicarewizard.port.Decisions}) or all cell by cell */
    CommandQueue(boolean inOneWrite) {
        allocation = new InMemoryAllocation(ledger -> flaky = new FlakySlotLedger(ledger),
                inOneWrite ? com.medicarewizard.port.Decisions.MAX_CELLS : 0);
    }
    private final List<Reservation> requests = new ArrayList<>();
    private final List<ReservationCommand> queued = new ArrayList<>();
    private final List<ReservationCommand> handled = new ArrayList<>();

    void request(ExamTypeCode exam, Instant start) {
        Reservation request = allocation.request(exam, start);
        requests.add(request);
        queued.add(command(ReservationCommand.Type.DECIDE, request));
    }

    void apply(QueueStep step) {
        switch (step.action()) {
            case DELIVER -> {
                if (!queued.isEmpty()) {
                    deliver(queued.remove(step.pick() % queued.size()));
                }
            }
            case DUPLICATE -> {
                if (!queued.isEmpty()) {
                    queued.add(queued.get(step.pick() % queued.size()));
                }
            }
            case REPLAY -> {
                if (!handled.isEmpty()) {
                    queued.add(handled.get(step.pick() % handled.size()));
                }
            }
            case CANCEL -> cancel(requests.get(step.pick() % requests.size()));
            case MOVE -> move(requests.get(step.pick() % requests.size()), step.pick() % 4);
            case FAIL_A_CLAIM -> {
                flaky.failClaim(1 + step.pick() % 3);
                allocation.decisions.failConfirm(1 + step.pick() % 2, step.pick() % 3 == 0);
            }
        }
    }

    /** Delivers until the queue is empty, the ledger working again, as the queue's retries end. */
    void drain() {
        flaky.failClaim(0);
        allocation.decisions.failConfirm(0, false);
        while (!queued.isEmpty()) {
            deliver(queued.removeFirst());
        }
    }

    private void deliver(ReservationCommand command) {
        try {
            allocation.allocator.handle(command);
            handled.add(command);
        } catch (IllegalStateException ledgerTimedOut) {
            allocation.visibilityTimeoutPasses();
            queued.add(command);
        }
    }

    private void cancel(Reservation request) {
        Reservation stored = allocation.stored(request);
        if (stored.isCancellable() && stored.cancelRequestedAt().isEmpty()) {
            allocation.reservations.update(stored.requestCancellation(allocation.clock.instant()));
            queued.add(command(ReservationCommand.Type.CANCEL, request));
        }
    }

    /** The patient asks to move a confirmed booking to another quarter: the intake records the request and queues it. */
    private void move(Reservation booked, int quarter) {
        Reservation stored = allocation.stored(booked);
        if (stored.status() == ReservationStatus.CONFIRMED && stored.cancelRequestedAt().isEmpty()) {
            Reservation request = allocation.move(stored, moveStart(quarter));
            requests.add(request);
            queued.add(command(ReservationCommand.Type.DECIDE, request));
        }
    }

    static Instant moveStart(int quarter) {
        return InMemoryAllocation.local("2027-12-20T09:00").plus(java.time.Duration.ofMinutes(15L * quarter));
    }

    private static ReservationCommand command(ReservationCommand.Type type, Reservation request) {
        return new ReservationCommand(type, request.id(), request.correlationId());
    }
}
