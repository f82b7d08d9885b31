package com.medicarewizard.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.domain.notification.Channel;
import com.medicarewizard.port.Notifications.DeliveryFailedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

/** Retries and breakers around one channel's calls. */
class GuardedCallsTest {
    private final GuardedCalls calls = new GuardedCalls(Notifier.SETTINGS);
    private final AtomicInteger tries = new AtomicInteger();

    private Runnable failing(boolean permanent) {
        return () -> {
            tries.incrementAndGet();
            throw new DeliveryFailedException(permanent ? "refused" : "unavailable", permanent, null);
        };
    }

    @Test
    void aTransientFailureIsTriedAgainUpToTheAttempts() {
        GuardedCalls.Result result = calls.call(Channel.SMS, failing(false));

        assertThat(result.sent()).isFalse();
        assertThat(result.permanent()).isFalse();
        assertThat(tries).hasValue(Notifier.SETTINGS.attempts());
    }

    @Test
    void theBreakerOpensAfterRepeatedFailuresAndThenCostsNoCall() {
        calls.call(Channel.SMS, failing(false));
        calls.call(Channel.SMS, failing(false));
        assertThat(calls.state(Channel.SMS)).isEqualTo(CircuitBreaker.State.OPEN);
        int before = tries.get();

        GuardedCalls.Result result = calls.call(Channel.SMS, failing(false));

        assertThat(tries).hasValue(before);
        assertThat(result.sent()).isFalse();
        assertThat(result.permanent()).isFalse();
        assertThat(result.reason()).startsWith("circuit open");
        assertThat(calls.state(Channel.EMAIL)).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(calls.call(Channel.EMAIL, () -> { }).sent()).isTrue();
    }

    @Test
    void refusedRecipientsAreNotRetriedAndDoNotOpenTheBreaker() {
        for (int i = 0; i < 10; i++) {
            assertThat(calls.call(Channel.EMAIL, failing(true)).permanent()).isTrue();
        }

        assertThat(tries).hasValue(10);
        assertThat(calls.state(Channel.EMAIL)).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void theWorstCaseOfASideEffectIsEveryCallTimingOutWithTheLongestBackOffBetween() {
        NotifierSettings aws = NotifierSettings.standard().withCallTimeout(java.time.Duration.ofSeconds(3));

        // 3 calls of 3 s, pauses of at most 300 ms and 600 ms (200 ms doubling, +50 % jitter), 2 s around them
        assertThat(new GuardedCalls(aws).worstCase()).isEqualTo(java.time.Duration.ofMillis(9_000 + 900 + 2_000));
    }

    @Test
    void aRefusalThatWaitsForSetUpIsNotRetriedNowDoesNotOpenTheBreakerAndIsNotPermanent() {
        for (int i = 0; i < 10; i++) {
            GuardedCalls.Result result = calls.call(Channel.EMAIL, () -> {
                tries.incrementAndGet();
                throw RecordingNotifications.notVerified().get();
            });
            assertThat(result.permanent()).isFalse();
        }

        assertThat(tries).hasValue(10);
        assertThat(calls.state(Channel.EMAIL)).isEqualTo(CircuitBreaker.State.CLOSED);
    }
}
