package com.medicarewizard.intake.fakes;

import com.medicarewizard.port.ReservationCommand;
import com.medicarewizard.port.ReservationQueue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what was sent; can be made unavailable; answers set figures. */
public final class FakeQueue implements ReservationQueue {
    private final List<ReservationCommand> sent = new CopyOnWriteArrayList<>();
    private volatile boolean unavailable;
    private volatile QueueFigures figures = new QueueFigures(0, 0, 0);

    @Override
    public void send(ReservationCommand command) {
        if (unavailable) {
            throw new QueueUnavailableException("queue down", new RuntimeException("connection refused"));
        }
        sent.add(command);
    }

    @Override
    public QueueFigures figures() {
        return figures;
    }

    public List<ReservationCommand> sent() {
        return List.copyOf(sent);
    }

    public void unavailable(boolean down) {
        unavailable = down;
    }

    public void figures(QueueFigures set) {
        figures = set;
    }
}
