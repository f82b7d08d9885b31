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

    @Test
    void logInsAloneMustReachEightyPercentOfTheBoundBcryptSets() {
        Properties hash = new Properties();
        hash.setProperty("loginBoundPerSecond", "25.0");
        Scenario enough = noThink(logIns(20, 1_000));
        Scenario short_ = noThink(logIns(19, 1_000));

        assertThat(loginTarget(enough, hash).passed()).isTrue();
        assertThat(loginTarget(enough, hash).measured()).isEqualTo("20.0/s of 25.0/s, 80.00 %");
        assertThat(loginTarget(short_, hash).passed()).isFalse();
        assertThat(Targets.of(List.of(enough))).noneMatch(t -> t.name().startsWith("log in"));
    }

    @Test
    void aCeilingPhaseIsMeasuredOverItsOwnTimeAndTheJourneyOverTheJourneys() {
        List<Sample> samples = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            samples.add(new Sample(i * 1_000L, 5, "1 home", true));
        }
        for (int i = 0; i < 100; i++) {
            samples.add(new Sample(20_000 + i * 10L, 10, Labels.CEILING, true));
        }
        Scenario scenario = noThink(samples.toArray(Sample[]::new));

        assertThat(scenario.row("1 home").orElseThrow().throughput()).isCloseTo(10 / 9.005, org.assertj.core.data.Offset.offset(0.001));
        assertThat(scenario.row(Labels.CEILING).orElseThrow().throughput()).isCloseTo(100.0, org.assertj.core.data.Offset.offset(0.001));
    }

    private static Sample[] logIns(int count, long overMillis) {
        Sample[] samples = new Sample[count];
        for (int i = 0; i < count; i++) {
            samples[i] = new Sample(i * overMillis / count, overMillis / count, Labels.LOGIN_CEILING, true);
        }
        return samples;
    }

    private static Target loginTarget(Scenario scenario, Properties hash) {
        return Targets.of(List.of(scenario), Optional.of(hash)).stream().filter(t -> t.name().startsWith("log in"))
                .findFirst().orElseThrow();
    }

    private static Scenario noThink(Sample... samples) {
        return new Scenario("journey-200-nothink", new Properties(), List.of(samples), List.of(), Optional.empty());
    }

    private static Target stepTarget(Scenario scenario) {
        return Targets.of(List.of(scenario)).stream().filter(t -> t.name().contains("every step")).findFirst().orElseThrow();
    }

    private static Scenario journey650(Sample... samples) {
        return new Scenario("journey-650", new Properties(), List.of(samples), List.of(), Optional.empty());
    }
}
