package com.medicarewizard.intake.fakes;

import com.medicarewizard.port.LoginAttempts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Failed log-ins in memory per subject. */
public final class FakeLoginAttempts implements LoginAttempts {
    private final Map<String, List<Instant>> failures = new HashMap<>();

    @Override
    public synchronized List<Instant> recordFailure(String subject, Instant at, Instant since) {
        failures.computeIfAbsent(subject, s -> new ArrayList<>()).add(at);
        return failuresSince(subject, since);
    }

    @Override
    public synchronized List<Instant> failuresSince(String subject, Instant since) {
        return failures.getOrDefault(subject, List.of()).stream().filter(t -> !t.isBefore(since)).sorted().toList();
    }

    @Override
    public synchronized void clear(String subject) {
        failures.remove(subject);
    }

    public synchronized Map<String, List<Instant>> snapshot() {
        Map<String, List<Instant>> copy = new HashMap<>();
        failures.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return copy;
    }
}
