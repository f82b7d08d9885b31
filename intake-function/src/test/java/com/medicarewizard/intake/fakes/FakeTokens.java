package com.medicarewizard.intake.fakes;

import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.port.Tokens;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Sessions in memory by token hash. */
public final class FakeTokens implements Tokens {
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    @Override
    public void store(Session session) {
        sessions.put(session.tokenHash(), session);
    }

    @Override
    public Optional<Session> find(String tokenHash, Instant now) {
        return Optional.ofNullable(sessions.get(tokenHash)).filter(s -> s.expiresAt().isAfter(now));
    }

    @Override
    public void revoke(String tokenHash) {
        sessions.remove(tokenHash);
    }

    @Override
    public void revokeAll(PatientId patient) {
        sessions.values().removeIf(s -> s.patient().equals(patient));
    }

    @Override
    public List<Session> sessionsOf(PatientId patient, Instant now) {
        return sessions.values().stream().filter(s -> s.patient().equals(patient) && s.expiresAt().isAfter(now))
                .sorted(Comparator.comparing(Session::issuedAt)).toList();
    }

    public Map<String, Session> all() {
        return Map.copyOf(sessions);
    }
}
