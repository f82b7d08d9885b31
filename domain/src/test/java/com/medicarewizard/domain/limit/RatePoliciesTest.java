package com.medicarewizard.domain.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RatePoliciesTest {
    private static final Instant T0 = Instant.parse("2030-03-04T08:00:00Z");
    private final FixedWindow twoPerMinute = new FixedWindow(2, Duration.ofMinutes(1));
    private final GrowingDelay delays = new GrowingDelay(2, Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofHours(1));

    private static Instant t(double seconds) {
        return T0.plusMillis((long) (seconds * 1000));
    }

    @Test
    void aFixedWindowGrantsItsLimitThenRefusesUntilTheWindowCloses() {
        Allowance one = granted(twoPerMinute.take(Optional.empty(), t(0)));
        Allowance two = granted(twoPerMinute.take(Optional.of(one), t(10)));

        assertThat(twoPerMinute.take(Optional.of(two), t(20))).isEqualTo(new Verdict.Refused(Duration.ofSeconds(40)));
        assertThat(granted(twoPerMinute.take(Optional.of(two), t(60)))).isEqualTo(new Allowance(1, t(60), t(60)));
        assertThat(twoPerMinute.forgetAt(two)).isEqualTo(t(60));
    }

    @Test
    void growingDelaysDoubleAfterTheFreeUsesUpToTheCap() {
        Optional<Allowance> state = Optional.empty();
        double at = 0;
        double[] waits = {0, 0, 1, 2, 4, 5, 5};
        for (double wait : waits) {
            at += wait;
            if (wait > 0) {
                assertThat(delays.take(state, t(at - 0.5))).as("before the wait of %s s", wait)
                        .isInstanceOf(Verdict.Refused.class);
            }
            state = Optional.of(granted(delays.take(state, t(at))));
        }
        assertThat(delays.take(state, t(at))).isEqualTo(new Verdict.Refused(Duration.ofSeconds(5)));
        assertThat(delays.delayAfter(1_000)).isEqualTo(Duration.ofSeconds(5));
    }

    /**
     * Two log-ins at once from one address: the second read the clock a few milliseconds before the
     * first was granted. A free use left is granted whatever the clocks say, and the wait never moves back.
     */
    @Test
    void aFreeUseIsGrantedToARequestWhoseClockReadEarlierThanTheLastGrant() {
        Allowance first = granted(delays.take(Optional.empty(), t(10)));

        Allowance second = granted(delays.take(Optional.of(first), t(9.995)));

        assertThat(second.used()).isEqualTo(2);
        assertThat(second.next()).isAfterOrEqualTo(first.next());
        assertThat(delays.take(Optional.of(second), t(10))).as("no free use left").isInstanceOf(Verdict.Refused.class);
    }

    @Test
    void aSubjectLeftAloneLongEnoughStartsAfresh() {
        Allowance busy = new Allowance(40, t(0), t(5));

        assertThat(delays.take(Optional.of(busy), t(5 + 3600))).isEqualTo(
                new Verdict.Granted(new Allowance(1, t(3605), t(3605))));
    }

    @Test
    void givingBackAUseShortensTheWaitButNeverBelowNothingUsed() {
        Allowance third = new Allowance(3, t(0), t(2));

        assertThat(delays.giveBack(third, t(0.5))).isEqualTo(new Allowance(2, t(0), t(1.5)));
        assertThat(delays.giveBack(new Allowance(1, t(0), t(0)), t(1))).isEqualTo(new Allowance(0, t(0), t(0)));
        assertThat(twoPerMinute.giveBack(new Allowance(0, t(0), t(0)), t(1)).used()).isZero();
    }

    @Test
    void aRefusalTellsWholeSecondsRoundedUp() {
        assertThat(new Verdict.Refused(Duration.ofMillis(1)).retryAfterSeconds()).isEqualTo(1);
        assertThat(new Verdict.Refused(Duration.ofMillis(1001)).retryAfterSeconds()).isEqualTo(2);
        assertThat(new Verdict.Refused(Duration.ZERO).retryAfterSeconds()).isEqualTo(1);
    }

    private static Allowance granted(Verdict verdict) {
        assertThat(verdict).isInstanceOf(Verdict.Granted.class);
        return ((Verdict.Granted) verdict).allowance();
    }
}
