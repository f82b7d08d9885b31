package com.medicarewizard.performance.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyTest {

    @Test
    void percentilesAreNearestRankValues() {
        long[] sorted = {15, 20, 35, 40, 50};

        assertThat(Latency.percentile(sorted, 5)).isEqualTo(15);
        assertThat(Latency.percentile(sorted, 30)).isEqualTo(20);
        assertThat(Latency.percentile(sorted, 40)).isEqualTo(20);
        assertThat(Latency.percentile(sorted, 50)).isEqualTo(35);
        assertThat(Latency.percentile(sorted, 100)).isEqualTo(50);
    }

    @Test
    void summarisesUnsortedDurations() {
        long[] millis = new long[100];
        for (int i = 0; i < 100; i++) {
            millis[i] = 100 - i;
        }

        assertThat(Latency.of(millis)).isEqualTo(new Latency(100, 50.5, 50, 90, 95, 99, 100));
    }

    @Test
    void oneSampleIsEveryPercentile() {
        assertThat(Latency.of(new long[] {7})).isEqualTo(new Latency(1, 7, 7, 7, 7, 7, 7));
    }
}
