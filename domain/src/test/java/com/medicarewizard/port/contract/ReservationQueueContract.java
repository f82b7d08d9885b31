package com.medicarewizard.port.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.port.ReservationCommand;
import com.medicarewizard.port.ReservationCommand.Type;
import com.medicarewizard.port.ReservationQueue;
import com.medicarewizard.port.ReservationQueue.QueueFigures;

import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ReservationQueue} adapter promises. Receiving is not on the port (the event
 * source does it), so subclasses receive through {@link #receiveOne()} as the event source would.
 * Figures are compared exactly: run it against a server whose counts are exact (ElasticMQ is).
 */
public abstract class ReservationQueueContract {

    private ReservationQueue queue;

    /** A new adapter over an empty queue (and an empty dead-letter queue). */
    protected abstract ReservationQueue newQueue();

    /**
     * Receives one command from the queue of the latest {@link #newQueue()}, leaving it in flight,
     * or empty when none arrives within a short wait.
     */
    protected abstract Optional<ReservationCommand> receiveOne();

    @BeforeEach
    void freshQueue() {
        queue = newQueue();
    }

    @Test
    void aSentCommandIsReceivedWithTheSameFields() {
        ReservationCommand decide = new ReservationCommand(Type.DECIDE, ReservationId.random(), "corr-7f3a");
        queue.send(decide);
        assertThat(receiveOne()).contains(decide);
    }

    @Test
    void carriesCancellationsToo() {
        ReservationCommand cancel = new ReservationCommand(Type.CANCEL, ReservationId.random(), "corr-8b21");
        queue.send(cancel);
        assertThat(receiveOne()).contains(cancel);
    }

    @Test
    void anEmptyQueueHasNothingToReceiveAndCountsNothing() {
        assertThat(queue.figures()).isEqualTo(new QueueFigures(0, 0, 0));
        assertThat(receiveOne()).isEmpty();
    }

    @Test
    void figuresCountASentCommandAsVisibleThenInFlight() {
        queue.send(new ReservationCommand(Type.DECIDE, ReservationId.random(), "corr-1"));
        assertThat(queue.figures()).isEqualTo(new QueueFigures(1, 0, 0));
        receiveOne();
        assertThat(queue.figures()).isEqualTo(new QueueFigures(0, 1, 0));
    }

    @Test
    void everySentCommandIsCounted() {
        for (int i = 0; i < 3; i++) {
            queue.send(new ReservationCommand(Type.DECIDE, ReservationId.random(), "corr-" + i));
        }
        assertThat(queue.figures().visible()).isEqualTo(3);
    }
}
