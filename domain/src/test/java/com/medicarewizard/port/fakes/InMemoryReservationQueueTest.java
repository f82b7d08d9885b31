package com.medicarewizard.port.fakes;

import com.medicarewizard.port.ReservationCommand;
import com.medicarewizard.port.ReservationQueue;
import com.medicarewizard.port.contract.ReservationQueueContract;

import java.util.Optional;

/** The fake the functions' unit tests use keeps the queue's contract. */
class InMemoryReservationQueueTest extends ReservationQueueContract {
    private InMemoryReservationQueue queue;

    @Override
    protected ReservationQueue newQueue() {
        queue = new InMemoryReservationQueue();
        return queue;
    }

    @Override
    protected Optional<ReservationCommand> receiveOne() {
        return queue.receive();
    }
}
