package com.medicarewizard.port.fakes;

import com.medicarewizard.port.ReservationCommand;
import com.medicarewizard.port.ReservationQueue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The reservation queue in memory for the functions' unit tests, held to
 * {@link com.medicarewizard.port.contract.ReservationQueueContract}: it keeps every command sent,
 * counts them as SQS does (visible until received, then in flight), can be made unavailable, and
 * can be told what figures to answer, as a busy queue would.
 */
public final class InMemoryReservationQueue implements ReservationQueue {
    private final List<ReservationCommand> sent = new ArrayList<>();
    private final Deque<ReservationCommand> visible = new ArrayDeque<>();
    private int inFlight;
    private boolean unavailable;
    private QueueFigures figures;

    @Override
    public synchronized void send(ReservationCommand command) {
        if (unavailable) {
            throw new QueueUnavailableException("queue down", new RuntimeException("connection refused"));
        }
        sent.add(command);
        visible.add(command);
    }

    @Override
    public synchronized QueueFigures figures() {
        return figures != null ? figures : new QueueFigures(visible.size(), inFlight, 0);
    }

    /** Takes the oldest visible command, leaving it in flight, as the event source receives it. */
    public synchronized Optional<ReservationCommand> receive() {
        Optional<ReservationCommand> next = Optional.ofNullable(visible.poll());
        next.ifPresent(command -> inFlight++);
        return next;
    }

    /** Every command accepted so far, oldest first, received or not. */
    public synchronized List<ReservationCommand> sent() {
        return List.copyOf(sent);
    }

    /** From now on sends fail ({@code true}) or succeed again ({@code false}). */
    public synchronized void unavailable(boolean down) {
        unavailable = down;
    }

    /** From now on {@link #figures()} answers {@code set} instead of its own counts. */
    public synchronized void figures(QueueFigures set) {
        figures = set;
    }
}
