package com.medicarewizard.performance.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PerSecondTest {
    private final List<Sample> samples = List.of(new Sample(1_000, 10, "a", true), new Sample(1_900, 30, "a", false),
            new Sample(3_500, 20, "a", true), new Sample(3_600, 500, "a", true));
    private final Window window = Window.of(samples);

    @Test
    void countsBySecondOfStartWithZerosBetween() {
        assertThat(PerSecond.count(samples, window, s -> true)).containsExactly(2, 0, 2);
        assertThat(PerSecond.count(samples, window, s -> !s.success())).containsExactly(1, 0, 0);
    }

    @Test
    void takesEachSecondsPercentile() {
        assertThat(PerSecond.percentile(samples, window.startMillis(), s -> true, 99)).isEqualTo(Map.of(0, 30L, 2, 500L));
        assertThat(PerSecond.percentile(samples, window.startMillis(), s -> true, 50)).isEqualTo(Map.of(0, 10L, 2, 20L));
    }
}
