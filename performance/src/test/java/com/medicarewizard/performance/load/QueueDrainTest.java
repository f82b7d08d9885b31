package com.medicarewizard.performance.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class QueueDrainTest {

    @Test
    void drainsFromTheFirstQueuedPollToTheFirstEmptyPollAfterThePeak() {
        List<QueueRow> rows = List.of(row(0, 0, 0), row(250, 5, 1), row(500, 0, 3), row(750, 40, 10),
                row(1_000, 20, 10), row(1_250, 0, 2), row(1_500, 0, 0), row(1_750, 3, 0), row(2_000, 0, 0));

        assertThat(QueueDrain.of(rows)).isEqualTo(new QueueDrain(40, OptionalDouble.of(1.25)));
    }

    @Test
    void aQueueStillBusyAtTheEndHasNotDrained() {
        assertThat(QueueDrain.of(List.of(row(0, 2, 0), row(250, 9, 1), row(500, 0, 1))))
                .isEqualTo(new QueueDrain(9, OptionalDouble.empty()));
    }

    @Test
    void aQueueNeverUsedDrainsAtOnce() {
        assertThat(QueueDrain.of(List.of(row(0, 0, 0), row(250, 0, 1)))).isEqualTo(new QueueDrain(0, OptionalDouble.of(0)));
    }

    private static QueueRow row(long millis, long depth, long inFlight) {
        return new QueueRow(millis, depth, inFlight, 0, 0);
    }
}
