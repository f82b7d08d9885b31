package com.medicarewizard.performance.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class TargetsTest {

    @Test
    void stepsAt650MustStayUnder50MillisButLogInPollAndEndToEndMayNot() {
        Scenario fast = journey650(new Sample(0, 49, "1 home", true), new Sample(0, 400, Labels.LOG_IN, true),
                new Sample(0, 300, Labels.POLL, true), new Sample(0, 900, Labels.BOOKED, true));
        Scenario slow = journey650(new Sample(0, 50, "4 booking page", true), new Sample(0, 900, Labels.BOOKED, true));

        assertThat(stepTarget(fast).passed()).isTrue();
        assertThat(stepTarget(slow).passed()).isFalse();
        assertThat(stepTarget(slow).measured()).isEqualTo("over: 4 booking page 50 ms");
    }

    @Test
    void aBookingOverASecondEndToEndMissesItsTarget() {
        List<Target> targets = Targets.of(List.of(journey650(new Sample(0, 1_000, Labels.REJECTED, true))));

        assertThat(targets).filteredOn(t -> t.name().contains("end-to-end booking")).singleElement()
                .isEqualTo(new Target("journey-650: end-to-end booking p99 < 1,000 ms", false, "p99 1,000 ms"));
    }

    @Test
    void aSpikeWithoutTheDoubleBookingCheckFailsIt() {
        Scenario spike = new Scenario("spike", new Properties(), List.of(new Sample(0, 10, Labels.SPIKE_REQUEST, true),
                new Sample(0, 2_000, Labels.SPIKE_DECIDED, true)), List.of(), Optional.empty());

        assertThat(Targets.of(List.of(spike))).extracting(Target::passed).containsExactly(true, true, false);
    }

    private static Target stepTarget(Scenario scenario) {
        return Targets.of(List.of(scenario)).stream().filter(t -> t.name().contains("every step")).findFirst().orElseThrow();
    }

    private static Scenario journey650(Sample... samples) {
        return new Scenario("journey-650", new Properties(), List.of(samples), List.of(), Optional.empty());
    }
}
