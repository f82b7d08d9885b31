package com.medicarewizard.performance.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/** The targets that apply to the scenarios present (PRODUCT.md's load figures). */
final class Targets {
    static final long STEP_P99_MILLIS = 50;
    static final long BOOKING_P99_MILLIS = 1_000;
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
        find(scenarios, "journey-650").ifPresent(s -> {
            targets.add(stepsAt650(s));
            targets.add(bookingAt650(s));
        });
        hashCost.ifPresent(hash -> scenarios.stream().flatMap(s -> s.row(Labels.LOGIN_CEILING).stream()).findFirst()
                .ifPresent(r -> targets.add(loginCeiling(r, hash))));
        find(scenarios, "spike").map(SpikeFigures::of).ifPresent(f -> {
            targets.add(new Target("spike: every request answered within 5 s", f.allAnswered(),
                    Format.count(f.answeredInTime()) + " of " + Format.count(f.requests().count())));
            targets.add(new Target("spike: every request decided within 30 s", f.allDecided(),
                    Format.count(f.decidedInTime()) + " of " + Format.count(f.requests().count())));
            targets.add(new Target("spike: 0 double bookings", f.noDoubleBookings(),
                    f.check().isPresent() ? String.valueOf(f.checked("doubleBookings")) : "not checked"));
        });
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
        return new Target("journey-650: p99 < 50 ms for every step but log-in, poll and end to end",
                slow.isEmpty() && !steps.isEmpty(), measured);
    }

    private static Target bookingAt650(Scenario s) {
        Latency booking = Latency.of(s.samples(Labels::isBookingEndToEnd));
        return new Target("journey-650: end-to-end booking p99 < 1,000 ms",
                booking.count() > 0 && booking.p99() < BOOKING_P99_MILLIS,
                booking.count() == 0 ? "no bookings" : "p99 " + Format.millis(booking.p99()));
    }

    static Optional<Scenario> find(List<Scenario> scenarios, String name) {
        return scenarios.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
