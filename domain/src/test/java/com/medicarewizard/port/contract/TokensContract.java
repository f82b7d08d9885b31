package com.medicarewizard.port.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.domain.reservation.PatientId;
import com.medicarewizard.port.Tokens;
import com.medicarewizard.port.Tokens.Session;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link Tokens} adapter promises. Subclasses give a fresh, empty store per test. */
public abstract class TokensContract {

    private static final Instant ISSUED = Instant.parse("2030-03-04T08:00:00.250Z");
    private static final Instant EXPIRES = ISSUED.plus(Duration.ofMinutes(30));
    private Tokens tokens;

    /** A new adapter over empty storage. */
    protected abstract Tokens newTokens();

    @BeforeEach
    void freshStore() {
        tokens = newTokens();
    }

    private static Session session() {
        return new Session("sha256-" + UUID.randomUUID(), PatientId.random(), ISSUED, EXPIRES);
    }

    @Test
    void findsAStoredSessionUntilItExpires() {
        Session session = session();
        tokens.store(session);
        assertThat(tokens.find(session.tokenHash(), ISSUED)).contains(session);
        assertThat(tokens.find(session.tokenHash(), EXPIRES.minusMillis(1))).contains(session);
    }

    @Test
    void anExpiredSessionIsNotFound() {
        Session session = session();
        tokens.store(session);
        assertThat(tokens.find(session.tokenHash(), EXPIRES)).isEmpty();
        assertThat(tokens.find(session.tokenHash(), EXPIRES.plus(Duration.ofDays(1)))).isEmpty();
    }

    @Test
    void anUnknownHashFindsNothing() {
        assertThat(tokens.find("sha256-unknown", ISSUED)).isEmpty();
    }

    @Test
    void aRevokedSessionIsNotFoundAndOthersStay() {
        Session revoked = session();
        Session kept = session();
        tokens.store(revoked);
        tokens.store(kept);
        tokens.revoke(revoked.tokenHash());
        assertThat(tokens.find(revoked.tokenHash(), ISSUED)).isEmpty();
        assertThat(tokens.find(kept.tokenHash(), ISSUED)).contains(kept);
    }

    @Test
    void revokingAnUnknownHashIsHarmless() {
        tokens.revoke("sha256-unknown");
        assertThat(tokens.find("sha256-unknown", ISSUED)).isEmpty();
    }

    @Test
    void revokingAllOfAPatientLeavesNoneOfTheirsAndEveryOneElses() {
        PatientId patient = PatientId.random();
        Session first = new Session("sha256-" + UUID.randomUUID(), patient, ISSUED, EXPIRES);
        Session second = new Session("sha256-" + UUID.randomUUID(), patient, ISSUED.plusSeconds(5), EXPIRES);
        Session another = session();
        tokens.store(first);
        tokens.store(second);
        tokens.store(another);

        tokens.revokeAll(patient);

        assertThat(tokens.find(first.tokenHash(), ISSUED)).isEmpty();
        assertThat(tokens.find(second.tokenHash(), ISSUED)).isEmpty();
        assertThat(tokens.find(another.tokenHash(), ISSUED)).contains(another);
        tokens.revokeAll(PatientId.random());
        assertThat(tokens.find(another.tokenHash(), ISSUED)).contains(another);
    }

    @Test
    void listsAPatientsLiveSessionsOldestFirstAndNoOneElses() {
        PatientId patient = PatientId.random();
        Session later = new Session("sha256-" + UUID.randomUUID(), patient, ISSUED.plusSeconds(5), EXPIRES);
        Session first = new Session("sha256-" + UUID.randomUUID(), patient, ISSUED, EXPIRES);
        Session expired = new Session("sha256-" + UUID.randomUUID(), patient, ISSUED, ISSUED.plusSeconds(1));
        tokens.store(later);
        tokens.store(first);
        tokens.store(expired);
        tokens.store(session());

        assertThat(tokens.sessionsOf(patient, ISSUED.plusSeconds(1))).containsExactly(first, later);
        assertThat(tokens.sessionsOf(PatientId.random(), ISSUED)).isEmpty();
    }
}
