package com.medicarewizard.performance.load;

import java.util.Optional;
import java.util.Properties;

/**
 * The figures the report derives from the runs: each step's throughput against the trivial
 * endpoint's ceiling, the log-in bound set by password hashing, and the spike's answer, decision and drain.
 */
final class DerivedSections {
    static final String NO_THINK = "journey-200-nothink";

    private DerivedSections() {
    }

    static void write(Report report, StringBuilder out) {
        report.scenario(NO_THINK).ifPresent(s -> ceiling(s, out));
        report.hashCost().ifPresent(h -> loginBound(h, report.scenario(NO_THINK), out));
        report.scenario("spike").ifPresent(s -> spike(SpikeFigures.of(s), out));
    }

    private static void ceiling(Scenario s, StringBuilder out) {
        Optional<LabelRow> ceiling = s.row(Labels.CEILING);
        out.append("### Steps against the ceiling (`").append(NO_THINK).append("`)\n");
        out.append("| step | throughput | of `").append(Labels.CEILING).append("` |\n|---|---|---|\n");
        for (LabelRow r : s.rows()) {
            String ratio = ceiling.filter(c -> c.throughput() > 0)
                    .map(c -> Format.percent(100 * r.throughput() / c.throughput())).orElse("–");
            out.append("| ").append(r.label()).append(" | ").append(Format.decimal(r.throughput())).append("/s | ")
                    .append(ratio).append(" |\n");
        }
        out.append('\n');
    }

    private static void loginBound(Properties hash, Optional<Scenario> noThink, StringBuilder out) {
        double hashMillis = HashCost.hashMillis(hash);
        double bound = HashCost.loginBound(hash);
        out.append("### The log-in bound\n");
        out.append("| figure | value |\n|---|---|\n");
        out.append("| password verification, Argon2id (median, one thread) | ").append(Format.millis(hashMillis)).append(" |\n");
        out.append("| cores | ").append(hash.getProperty("cores", "?").trim()).append(" |\n");
        out.append("| hashing threads (all cores but one) | ").append(hash.getProperty("hashingThreads", "?").trim()).append(" |\n");
        out.append("| bound: hashing threads × 1,000 / hash ms | ").append(Format.decimal(bound)).append(" log-ins/s |\n");
        noThink.flatMap(s -> s.row(Labels.LOG_IN)).ifPresent(r ->
                out.append("| `").append(Labels.LOG_IN).append("` within the journey (`").append(NO_THINK)
                        .append("`, sharing the cores with every other step and the load generator) | ")
                        .append(Format.decimal(r.throughput())).append("/s, ").append(ofBound(r.throughput(), bound))
                        .append(" of the bound |\n"));
        noThink.flatMap(s -> s.row(Labels.LOGIN_CEILING)).ifPresent(r ->
                out.append("| measured: `").append(Labels.LOGIN_CEILING).append("` (log-ins only, no think time) | ")
                        .append(Format.decimal(r.throughput())).append("/s, ").append(ofBound(r.throughput(), bound))
                        .append(" of the bound |\n"));
        out.append('\n');
    }

    private static String ofBound(double perSecond, double bound) {
        return bound > 0 ? Format.percent(100 * perSecond / bound) : "–";
    }

    private static void spike(SpikeFigures f, StringBuilder out) {
        out.append("### The spike\n| figure | value |\n|---|---|\n");
        line(out, "requests", Format.count(f.requests().count()));
        line(out, "`" + Labels.SPIKE_REQUEST + "` max / p99", Format.millis(f.requests().max()) + " / "
                + Format.millis(f.requests().p99()));
        line(out, "answered within 5,000 ms", Format.count(f.answeredInTime()));
        if (f.decided().count() > 0) {
            // only a plan that polls has these; run-load-test's spike measures decisions over the table (check: lines)
            line(out, "`" + Labels.SPIKE_DECIDED + "` max", Format.millis(f.decided().max()));
        }
        line(out, "decided within 30,000 ms", Format.count(f.decidedInTime()));
        f.drain().ifPresent(drain -> {
            line(out, "queue depth peak", Format.count(drain.peakDepth()));
            line(out, "drain time (first queued → empty after the peak)", drain.drainSeconds().isPresent()
                    ? Format.decimal(drain.drainSeconds().getAsDouble()) + " s" : "not drained");
        });
        f.check().ifPresent(check -> check.stringPropertyNames().stream().sorted()
                .forEach(key -> line(out, "check: " + key, check.getProperty(key).trim())));
        out.append('\n');
    }

    private static void line(StringBuilder out, String figure, String value) {
        out.append("| ").append(figure).append(" | ").append(value).append(" |\n");
    }
}
