package com.medicarewizard.performance.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class TargetsTest {

    @Test
    void stepsAt650MustStayUnder50MillisButLogInWaitPollAndEndToEndMayNot() {
        Scenario fast = journey650(new Sample(0, 49, "1 home", true), new Sample(0, 400, Labels.LOG_IN, true),
                new Sample(0, 60, Labels.LOGIN_RETRIED, true), new Sample(0, 300, Labels.POLL, true),
                new Sample(0, 120, Labels.WAIT, true), new Sample(0, 140, Labels.BOOKED, true));
        Scenario slow = journey650(new Sample(0, 50, "4 booking page", true), new Sample(0, 140, Labels.BOOKED, true));

        assertThat(stepTarget(fast).passed()).isTrue();
        assertThat(stepTarget(slow).passed()).isFalse();
        assertThat(stepTarget(slow).measured()).isEqualTo("over: 4 booking page 50 ms");
    }

    @Test
    void aBookingOf150MillisEndToEndMissesItsTarget() {
        List<Target> targets = Targets.of(List.of(journey650(new Sample(0, 150, Labels.REJECTED, true))));

        assertThat(targets).filteredOn(t -> t.name().contains("end-to-end booking")).singleElement()
                .isEqualTo(new Target("journey-650: end-to-end booking p99 < 150 ms", false, "p99 150 ms"));
    }

    @Test
    void atA3SecondPacingLogInsMayWaitOutTheir503sButNotPast3Seconds() {
        Scenario within = journey("journey-650-3s", new Sample(0, 10, "1 home", true), new Sample(0, 2_999, Labels.LOG_IN, true),
                new Sample(0, 5, Labels.LOGIN_RETRIED, true), new Sample(0, 5, Labels.LOGIN_RETRIED, true),
                new Sample(0, 100, Labels.BOOKED, true));
        Scenario over = journey("journey-650-3s", new Sample(0, 3_000, Labels.LOG_IN, true), new Sample(0, 100, Labels.BOOKED, true));

        List<Target> targets = Targets.of(List.of(within));
        assertThat(targets).extracting(Target::name).containsExactly("0 errors in every journey scenario",
                "journey-650-3s: p99 < 50 ms for every step but log-in, wait, poll and end to end",
                "journey-650-3s: end-to-end booking p99 < 150 ms",
                "journey-650-3s: log-in p99 < 3 s, or each slower one 503s with Retry-After the page retried"
                        + " (last answers and 503s p99 < 3 s, counted, none given up)");
        assertThat(targets).allMatch(Target::passed);
        assertThat(targets.get(3).measured()).isEqualTo("p99 2,999 ms waits included, 2 503s retried (p99 5 ms), 0 given up");
        assertThat(Targets.of(List.of(over)).get(3).passed()).isFalse();
        // the original pacing has no log-in bound: log-ins queue behind the hash by design
        assertThat(Targets.of(List.of(journey650(new Sample(0, 9_000, Labels.LOG_IN, true)))))
                .noneMatch(t -> t.name().contains("log-in p99"));
    }

    /** Issue 15: "log-in p99 < 3 s (or a 503 with Retry-After that the page retries, counted and reported)". */
    @Test
    void aLogInThatWaitedOutItsRetryAftersPassesWhenItsAnswersCameWithin3SecondsAndNoneGaveUp() {
        Scenario waited = journey("journey-650-3s", new Sample(0, 20_000, Labels.LOG_IN, true),
                new Sample(0, 40, Labels.LOGIN_RETRIED, true), new Sample(0, 30, Labels.LOGIN_ANSWERED, true));
        Scenario slowAnswer = journey("journey-650-3s", new Sample(0, 20_000, Labels.LOG_IN, true),
                new Sample(0, 40, Labels.LOGIN_RETRIED, true), new Sample(0, 3_000, Labels.LOGIN_ANSWERED, true));
        Scenario slowRefusal = journey("journey-650-3s", new Sample(0, 20_000, Labels.LOG_IN, true),
                new Sample(0, 3_000, Labels.LOGIN_RETRIED, true), new Sample(0, 30, Labels.LOGIN_ANSWERED, true));
        Scenario gaveUp = journey("journey-650-3s", new Sample(0, 1_000, Labels.LOG_IN, false),
                new Sample(0, 40, Labels.LOGIN_RETRIED, true), new Sample(0, 30, Labels.LOGIN_ANSWERED, true));
        // many quick 503s do not hide slow last answers: the last answers' p99 is taken alone
        List<Sample> manyRefusals = new java.util.ArrayList<>(List.of(new Sample(0, 20_000, Labels.LOG_IN, true),
                new Sample(0, 3_500, Labels.LOGIN_ANSWERED, true)));
        for (int i = 0; i < 500; i++) {
            manyRefusals.add(new Sample(0, 5, Labels.LOGIN_RETRIED, true));
        }

        assertThat(logInTarget(waited).passed()).isTrue();
        assertThat(logInTarget(waited).measured())
                .isEqualTo("p99 20,000 ms waits included, last answers p99 30 ms, 1 503s retried (p99 40 ms), 0 given up");
        assertThat(logInTarget(slowAnswer).passed()).isFalse();
        assertThat(logInTarget(slowRefusal).passed()).isFalse();
        assertThat(logInTarget(gaveUp).passed()).as("even a quick answer, if the page gave up").isFalse();
        assertThat(logInTarget(journey("journey-650-3s", manyRefusals.toArray(Sample[]::new))).passed()).isFalse();
    }

    private static Target logInTarget(Scenario scenario) {
        return Targets.of(List.of(scenario)).stream().filter(t -> t.name().contains("log-in p99")).findFirst().orElseThrow();
    }

    @Test
    void aSpikeNeverCheckedOverTheTableFailsItsTargets() {
        Scenario spike = new Scenario("spike", new Properties(), List.of(new Sample(0, 10, Labels.SPIKE_REQUEST, true, "202")),
                List.of(), Optional.empty());

        assertThat(Targets.of(List.of(spike))).extracting(Target::passed).containsExactly(false);
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
        return journey("journey-650", samples);
    }

    private static Scenario journey(String name, Sample... samples) {
        return new Scenario(name, new Properties(), List.of(samples), List.of(), Optional.empty());
    }
}
