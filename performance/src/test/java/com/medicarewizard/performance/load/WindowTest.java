package com.medicarewizard.performance.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class WindowTest {

    @Test
    void runsFromTheFirstStartToTheLastEnd() {
        Window window = Window.of(List.of(new Sample(2_000, 3_000, "a", true), new Sample(1_000, 500, "a", true),
                new Sample(4_000, 100, "a", true)));

        assertThat(window).isEqualTo(new Window(1_000, 5_000));
        assertThat(window.perSecond(8)).isEqualTo(2.0);
    }

    @Test
    void everyLabelsThroughputIsOverTheScenarioWindow() {
        Scenario scenario = new Scenario("s", new Properties(), List.of(new Sample(0, 10, "1 home", true),
                new Sample(500, 10, "1 home", true), new Sample(9_000, 1_000, "7 cancel", true)), List.of(), Optional.empty());

        assertThat(scenario.row("1 home").orElseThrow().throughput()).isEqualTo(0.2);
        assertThat(scenario.row("7 cancel").orElseThrow().throughput()).isEqualTo(0.1);
    }

    @Test
    void anEmptyWindowHasNoThroughput() {
        assertThat(Window.of(List.of()).perSecond(0)).isZero();
    }
}
