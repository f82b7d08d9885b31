package com.medicarewizard.port.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.port.LoginAttempts;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link LoginAttempts} adapter promises. Subclasses give a fresh, empty store per test. */
public abstract class LoginAttemptsContract {

    private static final Instant T0 = Instant.parse("2030-03-04T08:00:00Z");
    private static final String SUBJECT = "account:5f1c9e";
    private static final String OTHER = "client:0a9b77";
    private LoginAttempts attempts;

    /** A new adapter over empty storage. */
    protected abstract LoginAttempts newLoginAttempts();

    @BeforeEach
    void freshStore() {
        attempts = newLoginAttempts();
    }

    private static Instant t(int seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void recordingAFailureAnswersTheFailuresInTheWindowOldestFirst() {
        attempts.recordFailure(SUBJECT, t(0), t(-60));
        attempts.recordFailure(SUBJECT, t(10), t(-50));
        assertThat(attempts.recordFailure(SUBJECT, t(20), t(-40))).containsExactly(t(0), t(10), t(20));
    }

    @Test
    void failuresBeforeTheWindowAreNotCounted() {
        attempts.recordFailure(SUBJECT, t(0), t(-60));
        attempts.recordFailure(SUBJECT, t(30), t(-30));
        assertThat(attempts.recordFailure(SUBJECT, t(60), t(30))).containsExactly(t(30), t(60));
        assertThat(attempts.failuresSince(SUBJECT, t(31))).containsExactly(t(60));
    }

    @Test
    void theWindowIncludesAFailureExactlyAtItsStart() {
        attempts.recordFailure(SUBJECT, t(5), t(0));
        assertThat(attempts.failuresSince(SUBJECT, t(5))).containsExactly(t(5));
    }

    @Test
    void failuresAreKeptPerSubject() {
        attempts.recordFailure(SUBJECT, t(0), t(-60));
        attempts.recordFailure(OTHER, t(1), t(-60));
        assertThat(attempts.failuresSince(SUBJECT, t(-60))).containsExactly(t(0));
        assertThat(attempts.failuresSince(OTHER, t(-60))).containsExactly(t(1));
    }

    @Test
    void anUnknownSubjectHasNoFailures() {
        assertThat(attempts.failuresSince(SUBJECT, t(-60))).isEmpty();
    }

    @Test
    void clearingForgetsOnlyThatSubjectsFailures() {
        attempts.recordFailure(SUBJECT, t(0), t(-60));
        attempts.recordFailure(OTHER, t(0), t(-60));
        attempts.clear(SUBJECT);
        assertThat(attempts.failuresSince(SUBJECT, t(-60))).isEmpty();
        assertThat(attempts.failuresSince(OTHER, t(-60))).containsExactly(t(0));
        assertThat(attempts.recordFailure(SUBJECT, t(10), t(-60))).containsExactly(t(10));
    }

    @Test
    void failuresWithinOneSecondAreKeptApart() {
        attempts.recordFailure(SUBJECT, t(0).plusMillis(100), t(-60));
        assertThat(attempts.recordFailure(SUBJECT, t(0).plusMillis(900), t(-60)))
                .containsExactly(t(0).plusMillis(100), t(0).plusMillis(900));
    }

    @Test
    void concurrentFailuresAreAllCounted() throws Exception {
        ConcurrentCalls.run(8, i -> attempts.recordFailure(SUBJECT, t(i), t(-60)));
        assertThat(attempts.failuresSince(SUBJECT, t(-60))).hasSize(8).isSorted();
    }

    @Test
    void aWindowLongerThanTheHistoryStillAnswersEveryFailure() {
        for (int i = 0; i < 20; i++) {
            attempts.recordFailure(SUBJECT, t(i), t(i).minus(Duration.ofMinutes(15)));
        }
        assertThat(attempts.failuresSince(SUBJECT, t(0))).hasSize(20);
    }
}
