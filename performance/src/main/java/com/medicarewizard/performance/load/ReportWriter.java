package com.medicarewizard.performance.load;

import java.util.List;

/**
 * Writes the report as Markdown: the targets, then per scenario its summary table and charts, then
 * the figures derived from several runs ({@link DerivedSections}).
 */
final class ReportWriter {
    private final StringBuilder out = new StringBuilder();
    private final String chartPrefix;

    private ReportWriter(String chartPrefix) {
        this.chartPrefix = chartPrefix;
    }

    /** The report, with image links made of {@code chartPrefix} (e.g. {@code "charts/"}) and the file name. */
    static String write(Report report, String chartPrefix) {
        ReportWriter writer = new ReportWriter(chartPrefix);
        writer.targets(report.targets());
        report.scenarios().forEach(s -> writer.scenario(s, report.charts().getOrDefault(s.name(), List.of())));
        DerivedSections.write(report, writer.out);
        return writer.out.toString();
    }

    private void targets(List<Target> targets) {
        out.append("### Targets\n");
        if (targets.isEmpty()) {
            out.append("No target applies to the scenarios present.\n\n");
            return;
        }
        out.append("| target | measured | result |\n|---|---|---|\n");
        for (Target t : targets) {
            out.append("| ").append(t.name()).append(" | ").append(t.measured()).append(" | ")
                    .append(t.passed() ? "pass" : "**FAIL**").append(" |\n");
        }
        out.append('\n');
    }

    private void scenario(Scenario s, List<String> charts) {
        out.append("### ").append(s.title()).append(" (`").append(s.name()).append("`)\n");
        String users = s.description().getProperty("users");
        String think = s.description().getProperty("thinkMillis");
        String duration = s.description().getProperty("durationSeconds");
        if (users != null && think != null && duration != null) {
            out.append(number(users)).append(" users, mean think time ").append(number(think)).append(" ms, ")
                    .append(number(duration)).append(" s planned. ");
        }
        out.append("Window ").append(Format.decimal(s.window().seconds())).append(" s, ")
                .append(Format.count(s.samples().size())).append(" samples, ")
                .append(Format.count(s.errors())).append(" errors.\n\n");
        s.runtimeGc().ifPresent(gc -> out.append("Runtime's collector in that window: ").append(gc.describe()).append(".\n\n"));
        s.generatorGc().ifPresent(gc -> out.append("JMeter's collector in that window: ").append(gc.describe()).append(".\n\n"));
        out.append("| label | samples | mean | p50 | p90 | p95 | p99 | max | errors | throughput |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (LabelRow r : s.rows()) {
            row(r);
        }
        out.append('\n');
        for (String chart : charts) {
            out.append("![").append(chart.replace(".png", "")).append("](").append(chartPrefix).append(chart).append(")\n");
        }
        if (!charts.isEmpty()) {
            out.append('\n');
        }
    }

    private static String number(String text) {
        try {
            return Format.count(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return text.trim();
        }
    }

    private void row(LabelRow r) {
        Latency l = r.latency();
        out.append("| ").append(r.label().replace("|", "\\|")).append(" | ").append(Format.count(l.count())).append(" | ")
                .append(Format.millis(l.mean())).append(" | ").append(Format.millis(l.p50())).append(" | ")
                .append(Format.millis(l.p90())).append(" | ").append(Format.millis(l.p95())).append(" | ")
                .append(Format.millis(l.p99())).append(" | ").append(Format.millis(l.max())).append(" | ")
                .append(Format.percent(r.errorPercent())).append(" | ").append(Format.decimal(r.throughput()))
                .append("/s |\n");
    }
}
