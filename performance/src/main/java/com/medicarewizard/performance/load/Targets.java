package com.medicarewizard.performance.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The targets that apply to the scenarios present: PRODUCT.md's load figures and the Done-when
 * bounds of issue 15 (end-to-end booking p99 < 150 ms at 650 users; at 650 users and a 3 s step
 * pacing, log-in p99 < 3 s with the waits of any 503 it retried).
 */
final class Targets {
    static final long STEP_P99_MILLIS = 50;
    static final long BOOKING_P99_MILLIS = 150;
    static final long LOGIN_P99_MILLIS = 3_000;
    /** The two 650-user journeys: the original's pacing (10 s a step) and its 3 s a step. */
    static final String AT_650 = "journey-650";
    static final String AT_650_3S = "journey-650-3s";
    static final double LOGIN_SHARE_OF_BOUND = 0.8;

    private Targets() {
    }

    static List<Target> of(List<Scenario> scenarios) {
        return of(scenarios, Optional.empty());
    }

    /** ... and, with the hash cost, the log-in ceiling against the bound password hashing sets. */
    static List<Target> of(List<Scenario> scenarios, Optional<Properties> hashCost) {
        List<Target> targets = new ArrayList<>();
        List<Scenario> journeys = scenarios.stream().filter(Scenario::isJourney).toList();
        if (!journeys.isEmpty()) {
            targets.add(new Target("0 errors in every journey scenario", journeys.stream().allMatch(s -> s.errors() == 0),
                    journeys.stream().map(s -> s.name() + ": " + s.errors()).collect(Collectors.joining(", "))));
        }
        for (String name : List.of(AT_650, AT_650_3S)) {
            find(scenarios, name).ifPresent(s -> {
                targets.add(stepsAt650(s));
                targets.add(bookingAt650(s));
            });
        }
        find(scenarios, AT_650_3S).ifPresent(s -> targets.add(logInAt650(s)));
        hashCost.ifPresent(hash -> scenarios.stream().flatMap(s -> s.row(Labels.LOGIN_CEILING).stream()).findFirst()
                .ifPresent(r -> targets.add(loginCeiling(r, hash))));
        find(scenarios, "spike").map(SpikeFigures::of).ifPresent(f -> targets.addAll(f.targets()));
        return targets;
    }

    /** Some scenario has an error sample, or a target is missed. */
    static boolean anyFailure(List<Scenario> scenarios, Optional<Properties> hashCost) {
        return scenarios.stream().anyMatch(s -> s.errors() > 0)
                || of(scenarios, hashCost).stream().anyMatch(t -> !t.passed());
    }

    private static Target loginCeiling(LabelRow row, Properties hash) {
        double bound = HashCost.loginBound(hash);
        double share = bound > 0 ? row.throughput() / bound : 0;
        return new Target("log in: at least 80 % of the bound password hashing sets (log-ins only)",
                share >= LOGIN_SHARE_OF_BOUND, Format.decimal(row.throughput()) + "/s of " + Format.decimal(bound)
                + "/s, " + Format.percent(100 * share));
    }

    private static Target stepsAt650(Scenario s) {
        List<LabelRow> steps = s.rows().stream().filter(r -> Labels.isTargetStep(r.label())).toList();
        List<String> slow = steps.stream().filter(r -> r.latency().p99() >= STEP_P99_MILLIS)
                .map(r -> r.label() + " " + Format.millis(r.latency().p99())).toList();
        String measured = !slow.isEmpty() ? "over: " + String.join(", ", slow)
                : steps.stream().mapToLong(r -> r.latency().p99()).max().stream()
                        .mapToObj(p -> "highest p99 " + Format.millis(p)).findFirst().orElse("no steps");
        return new Target(s.name() + ": p99 < 50 ms for every step but log-in, wait, poll and end to end",
                slow.isEmpty() && !steps.isEmpty(), measured);
    }

    private static Target bookingAt650(Scenario s) {
        Latency booking = Latency.of(s.samples(Labels::isBookingEndToEnd));
        return new Target(s.name() + ": end-to-end booking p99 < 150 ms",
                booking.count() > 0 && booking.p99() < BOOKING_P99_MILLIS,
                booking.count() == 0 ? "no bookings" : "p99 " + Format.millis(booking.p99()));
    }

    /**
     * Issue 15's bound on log-in at a 3 s step: p99 < 3 s from the first attempt to the token, or
     * else each log-in's last answer (apart from the page's waits before it) within 3 s at p99, and
     * every 503 before it too, so that each slower log-in was 503s with Retry-After that the page
     * retried; the 503s counted, and none given up (the page stops after 10).
     */
    private static Target logInAt650(Scenario s) {
        Latency logIn = Latency.of(s.samples(Labels.LOG_IN::equals));
        Latency answered = Latency.of(s.samples(Labels.LOGIN_ANSWERED::equals));
        Latency refused = Latency.of(s.samples(Labels.LOGIN_RETRIED::equals));
        long gaveUp = s.samples(Labels.LOG_IN::equals).stream().filter(sample -> !sample.success()).count();
        boolean answersWithin = answered.count() > 0 && answered.p99() < LOGIN_P99_MILLIS
                && (refused.count() == 0 || refused.p99() < LOGIN_P99_MILLIS);
        boolean passed = logIn.count() > 0 && gaveUp == 0 && (logIn.p99() < LOGIN_P99_MILLIS || answersWithin);
        String measured = logIn.count() == 0 ? "no log-ins"
                : "p99 " + Format.millis(logIn.p99()) + " waits included"
                + (answered.count() > 0 ? ", last answers p99 " + Format.millis(answered.p99()) : "")
                + ", " + Format.count(refused.count()) + " 503s retried"
                + (refused.count() > 0 ? " (p99 " + Format.millis(refused.p99()) + ")" : "")
                + ", " + Format.count(gaveUp) + " given up";
        return new Target(s.name() + ": log-in p99 < 3 s, or each slower one 503s with Retry-After the page retried"
                + " (last answers and 503s p99 < 3 s, counted, none given up)", passed, measured);
    }

    static Optional<Scenario> find(List<Scenario> scenarios, String name) {
        return scenarios.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
