package com.medicarewizard.performance.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the load test's results into {@code report.md} and PNG charts:
 * {@code --results target/load-test [--publish docs/performance.md --charts docs/performance] [--check]}.
 * Exits 0 whenever the results can be read; with {@code --check}, 1 when a target that applies is
 * missed or any scenario has an error sample (the CI smoke run uses that); 2 when the input is unreadable.
 */
public final class LoadReport {
    private LoadReport() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(run(args));
    }

    /** Does the work of {@link #main} and returns the exit code. */
    static int run(String[] args) {
        try {
            CommandLine line = CommandLine.parse(args, Set.of("--check"));
            Path results = Path.of(line.required("--results"));
            Report report = report(results);
            if (line.has("--publish")) {
                List<String> charts = report.charts().values().stream().flatMap(List::stream).toList();
                Publication.publish(report, results.resolve("charts"), charts, Path.of(line.required("--publish")),
                        Path.of(line.required("--charts")));
            }
            report.targets().forEach(t -> System.out.println((t.passed() ? "pass  " : "FAIL  ") + t.name() + ": " + t.measured()));
            System.out.println("report: " + results.resolve("report.md"));
            return line.has("--check") && Targets.anyFailure(report.scenarios(), report.hashCost()) ? 1 : 0;
        } catch (IOException | ReportInputException | IllegalArgumentException e) {
            System.err.println("load report: " + e.getMessage());
            return 2;
        }
    }

    /** Reads the scenarios, draws their charts and writes {@code report.md} into {@code results}. */
    static Report report(Path results) throws IOException, ReportInputException {
        if (!Files.isDirectory(results)) {
            throw new ReportInputException(results + " is not a directory");
        }
        List<Scenario> scenarios = new ArrayList<>(ResultsDirectory.scenarios(results));
        Path chartsDir = Files.createDirectories(results.resolve("charts"));
        Map<String, List<String>> charts = new LinkedHashMap<>();
        for (Scenario s : scenarios) {
            charts.put(s.name(), Charts.draw(s, chartsDir));
        }
        Report report = new Report(scenarios, ResultsDirectory.properties(results.resolve("hash-cost.properties")), charts);
        String text = "# Load test report\n\n" + ReportWriter.write(report, "charts/");
        Files.writeString(results.resolve("report.md"), text, StandardCharsets.UTF_8);
        return report;
    }
}
