package com.medicarewizard.intake.fakes;

import com.medicarewizard.port.DeadLetters;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A dead-letter queue in memory: what is listed stays; a redrive moves messages to {@link #redriven()}. */
public final class FakeDeadLetters implements DeadLetters {
    private final List<DeadLetter> waiting = new ArrayList<>();
    private final List<DeadLetter> redriven = new ArrayList<>();

    @Override
    public synchronized List<DeadLetter> list(int max) {
        return List.copyOf(waiting.subList(0, Math.min(max, waiting.size())));
    }

    /** Moves them all at once (a real queue moves them after the answer). */
    @Override
    public synchronized Redrive redrive() {
        List<DeadLetter> moved = new ArrayList<>(waiting);
        waiting.clear();
        redriven.addAll(moved);
        return moved.isEmpty() ? new Redrive(false, 0, Optional.empty())
                : new Redrive(true, moved.size(), Optional.of("task-" + redriven.size()));
    }

    public synchronized void add(DeadLetter letter) {
        waiting.add(letter);
    }

    public synchronized List<DeadLetter> redriven() {
        return List.copyOf(redriven);
    }
}
