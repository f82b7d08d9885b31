package com.medicarewizard.performance.load;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The load test's results directory: one sub-directory a scenario holding {@code results.jtl}
 * (and {@code queue-depth.csv}, {@code scenario.properties}, {@code spike-check.properties} where
 * written), plus {@code hash-cost.properties}.
 */
final class ResultsDirectory {
    static final List<String> SCENARIO_ORDER = List.of("smoke", "journey-70", "journey-200", "journey-650",
            "journey-1000", "journey-650-3s", "journey-200-nothink", "spike");
    private static final Comparator<String> ORDER = Comparator.<String>comparingInt(n -> {
        int index = SCENARIO_ORDER.indexOf(n);
        return index < 0 ? SCENARIO_ORDER.size() : index;
    }).thenComparing(Comparator.naturalOrder());
    private static final List<String> QUEUE_COLUMNS = List.of(QueueRow.HEADER.split(","));

    private ResultsDirectory() {
    }

    /** Every scenario present with a measured sample, in the report's order. */
    static List<Scenario> scenarios(Path results) throws IOException, ReportInputException {
        List<Path> dirs;
        try (Stream<Path> children = Files.list(results)) {
            dirs = children.filter(d -> Files.isRegularFile(d.resolve("results.jtl")))
                    .sorted(Comparator.comparing(d -> d.getFileName().toString(), ORDER)).toList();
        }
        List<Scenario> scenarios = new ArrayList<>();
        for (Path dir : dirs) {
            Scenario scenario = scenario(dir);
            if (!scenario.samples().isEmpty()) {
                // a run of set-up samples only (the registration) measures nothing
                scenarios.add(scenario);
            }
        }
        return scenarios;
    }

    static Scenario scenario(Path dir) throws IOException, ReportInputException {
        Path queue = dir.resolve("queue-depth.csv");
        List<Sample> samples = JtlReader.read(dir.resolve("results.jtl"));
        Window window = Window.of(samples);
        return new Scenario(dir.getFileName().toString(), properties(dir.resolve("scenario.properties")).orElseGet(Properties::new),
                samples, Files.isRegularFile(queue) ? queue(queue) : List.of(),
                properties(dir.resolve("spike-check.properties")),
                GcLog.read(dir.resolveSibling("gc-runtime.log"), window), GcLog.read(dir.resolve("gc-jmeter.log"), window));
    }

    static Optional<Properties> properties(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return Optional.of(properties);
    }

    static List<QueueRow> queue(Path file) throws IOException, ReportInputException {
        List<QueueRow> rows = new ArrayList<>();
        CsvTable.read(file, QUEUE_COLUMNS, r -> rows.add(new QueueRow(r.getLong("epochMillis"),
                r.getLong("queueDepth"), r.getLong("inFlight"), r.getDouble("oldestAgeSeconds"), r.getLong("deadLetters"))));
        return rows;
    }
}
