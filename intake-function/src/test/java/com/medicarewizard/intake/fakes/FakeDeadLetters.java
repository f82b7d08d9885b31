package com.medicarewizard.intake.fakes;

import com.medicarewizard.port.DeadLetters;

import java.util.ArrayList;
import java.util.List;

/** A dead-letter queue in memory: what is listed stays; a redrive moves messages to {@link #redriven()}. */
public final class FakeDeadLetters implements DeadLetters {
    private final List<DeadLetter> waiting = new ArrayList<>();
    private final List<DeadLetter> redriven = new ArrayList<>();

    @Override
    public synchronized List<DeadLetter> list(int max) {
        return List.copyOf(waiting.subList(0, Math.min(max, waiting.size())));
    }

    @Override
    public synchronized int redrive(int max) {
        List<DeadLetter> moved = new ArrayList<>(waiting.subList(0, Math.min(max, waiting.size())));
        waiting.removeAll(moved);
        redriven.addAll(moved);
        return moved.size();
    }

    public synchronized void add(DeadLetter letter) {
        waiting.add(letter);
    }

    public synchronized List<DeadLetter> redriven() {
        return List.copyOf(redriven);
    }
}
