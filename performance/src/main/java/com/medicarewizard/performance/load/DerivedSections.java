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
        report.scenario("spike").ifPresent(s -> spike(SpikeFigures.of(s), s.description(), out));
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
        out.append("| hashing threads (one per core on spare CPU, ADR 0011) | ").append(hash.getProperty("hashingThreads", "?").trim()).append(" |\n");
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

    /** The spike's figures, each beside the bound Done-when 1 of issue 15 sets for it. */
    private static void spike(SpikeFigures f, Properties generator, StringBuilder out) {
        out.append("### The spike\n| figure | value | bound |\n|---|---|---|\n");
        if (f.check().isEmpty()) {
            out.append("| not checked over the table (SpikeCheck did not run) | – | – |\n\n");
            return;
        }
        if (f.checked("sent") >= 0) {
            line(out, "requests sent (`" + Labels.SPIKE_REQUEST + "`), firing window", Format.count(f.checked("sent"))
                    + ", " + Format.millis(f.checked("windowMillis")), "2,000 from 200 patients within 2 s");
            line(out, "answered 202 / 4xx / otherwise", Format.count(f.checked("answered202")) + " / "
                    + Format.count(f.checked("answered4xx")) + " / " + Format.count(f.checked("answeredOther")), "none otherwise");
            line(out, "answered within the window + 5 s", Format.count(f.checked("answeredInWindow")) + " of "
                    + Format.count(f.checked("sent")), "all");
            line(out, "202 latency p50 / p99 / max", Format.millis(f.checked("p50AcceptMillis")) + " / "
                    + Format.millis(f.checked("p99AcceptMillis")) + " / " + Format.millis(f.checked("maxAcceptMillis")),
                    "p99 < " + Format.millis(SpikeBounds.ACCEPT_P99_MILLIS));
        }
        line(out, "requests recorded in the table / decided / still pending", Format.count(f.checked("requests")) + " / "
                + Format.count(f.checked("decided")) + " / " + Format.count(f.checked("pending")), "every 202 recorded, 0 pending");
        line(out, "decided within 30 s (arrival → decision)", Format.count(f.checked("decidedWithin30s")), "every 202");
        line(out, "decision time p50 / p99 / max", Format.millis(f.checked("p50DecisionMillis")) + " / "
                + Format.millis(f.checked("p99DecisionMillis")) + " / " + Format.millis(f.checked("maxDecisionMillis")), "≤ 30,000 ms");
        line(out, "first request → last decision", Format.millis(f.checked("firstRequestToLastDecisionMillis")), "–");
        line(out, "longest stall (requests waiting, no decision made)", Format.millis(f.checked("longestStallMillis")),
                "< " + Format.millis(SpikeBounds.STALL_MILLIS));
        line(out, "confirmed / rejected", Format.count(f.checked("confirmed")) + " / " + Format.count(f.checked("rejected")), "–");
        line(out, "ledger audit: resources booked twice / rules broken", f.checked("doubleBookings") + " / "
                + f.checked("breaches"), "0 / 0");
        f.drain().ifPresent(drain -> {
            line(out, "queue depth peak", Format.count(drain.peakDepth()), "–");
            line(out, "drain time (first queued → empty after the peak)", drain.drainSeconds().isPresent()
                    ? Format.decimal(drain.drainSeconds().getAsDouble()) + " s" : "not drained", "–");
        });
        if (generator.getProperty(SpikeDriver.CPU_MILLIS) != null) {
            line(out, "load generator (`SpikeDriver`): rate kept, latest send, its own CPU",
                    generator.getProperty(SpikeDriver.RATE).trim() + "/s, " + generator.getProperty(SpikeDriver.LATE_MILLIS).trim()
                            + " ms late at most, " + generator.getProperty(SpikeDriver.CPU_MILLIS).trim() + " ms of CPU",
                    "the requests due at 1,000/s");
        }
        out.append('\n');
    }

    private static void line(StringBuilder out, String figure, String value, String bound) {
        out.append("| ").append(figure).append(" | ").append(value).append(" | ").append(bound).append(" |\n");
    }
}
