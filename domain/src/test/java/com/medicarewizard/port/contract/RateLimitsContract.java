package com.medicarewizard.port.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.domain.limit.FixedWindow;
import com.medicarewizard.domain.limit.GrowingDelay;
import com.medicarewizard.domain.limit.Verdict;
import com.medicarewizard.port.RateLimits;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link RateLimits} store promises. Subclasses give a fresh, empty store per test. */
public abstract class RateLimitsContract {

    private static final Instant T0 = Instant.parse("2030-03-04T08:00:00Z");
    private static final String SUBJECT = "account:5f1c9e";
    private static final String OTHER = "client:0a9b77";
    private static final FixedWindow THREE_PER_MINUTE = new FixedWindow(3, Duration.ofMinutes(1));
    private static final GrowingDelay DELAYS = new GrowingDelay(2, Duration.ofSeconds(1), Duration.ofMinutes(5),
            Duration.ofDays(1));
    private RateLimits limits;

    /** A new store over empty storage. */
    protected abstract RateLimits newRateLimits();

    @BeforeEach
    void freshStore() {
        limits = newRateLimits();
    }

    private static Instant t(int seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void grantsTheLimitThenRefusesUntilTheWindowCloses() {
        for (int i = 0; i < 3; i++) {
            assertThat(limits.take(SUBJECT, THREE_PER_MINUTE, t(i)).granted()).isTrue();
        }
        assertThat(limits.take(SUBJECT, THREE_PER_MINUTE, t(10))).isEqualTo(new Verdict.Refused(Duration.ofSeconds(50)));
        assertThat(limits.take(SUBJECT, THREE_PER_MINUTE, t(60)).granted()).isTrue();
    }

    @Test
    void keepsTheWaitsOfAGrowingDelay() {
        limits.take(SUBJECT, DELAYS, t(0));
        limits.take(SUBJECT, DELAYS, t(0));
        assertThat(limits.take(SUBJECT, DELAYS, t(0))).isEqualTo(new Verdict.Refused(Duration.ofSeconds(1)));
        assertThat(limits.take(SUBJECT, DELAYS, t(1)).granted()).isTrue();
        assertThat(limits.take(SUBJECT, DELAYS, t(2))).isEqualTo(new Verdict.Refused(Duration.ofSeconds(1)));
    }

    @Test
    void keepsAllowancesPerSubject() {
        for (int i = 0; i < 3; i++) {
            limits.take(SUBJECT, THREE_PER_MINUTE, t(0));
        }
        assertThat(limits.take(OTHER, THREE_PER_MINUTE, t(0)).granted()).isTrue();
    }

    @Test
    void resettingGivesTheWholeAllowanceBack() {
        for (int i = 0; i < 3; i++) {
            limits.take(SUBJECT, THREE_PER_MINUTE, t(0));
        }
        limits.take(OTHER, THREE_PER_MINUTE, t(0));
        limits.reset(SUBJECT);
        limits.reset("never-seen");

        for (int i = 0; i < 3; i++) {
            assertThat(limits.take(SUBJECT, THREE_PER_MINUTE, t(1)).granted()).isTrue();
        }
        assertThat(limits.take(SUBJECT, THREE_PER_MINUTE, t(1)).granted()).isFalse();
    }

    @Test
    void aUseGivenBackCanBeTakenAgain() {
        for (int i = 0; i < 3; i++) {
            limits.take(SUBJECT, THREE_PER_MINUTE, t(0));
        }
        limits.giveBack(SUBJECT, THREE_PER_MINUTE, t(1));
        limits.giveBack("never-seen", THREE_PER_MINUTE, t(1));

        assertThat(limits.take(SUBJECT, THREE_PER_MINUTE, t(2)).granted()).isTrue();
        assertThat(limits.take(SUBJECT, THREE_PER_MINUTE, t(2)).granted()).isFalse();
    }

    @Test
    void concurrentTakesAreGrantedNoMoreThanTheLimit() throws Exception {
        List<Verdict> verdicts = ConcurrentCalls.run(16, i -> limits.take(SUBJECT, THREE_PER_MINUTE, t(0)));

        assertThat(verdicts).filteredOn(Verdict::granted).hasSize(3);
    }

    @Test
    void concurrentTakesOnAFreshGrowingDelayCheckOnlyItsFreeUses() throws Exception {
        List<Verdict> verdicts = ConcurrentCalls.run(16, i -> limits.take(SUBJECT, DELAYS, t(0)));

        assertThat(verdicts).filteredOn(Verdict::granted).hasSize(2);
    }
}
