package com.medicarewizard.performance.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * One load-test run as read from its results directory: the samples (setup ones left out), the
 * queue-depth polls (empty when there were none), the run script's description and, for the
 * spike, the double-booking check.
 */
record Scenario(String name, Properties description, List<Sample> samples, List<QueueRow> queue,
        Optional<Properties> spikeCheck) {

    String title() {
        return description.getProperty("title", name);
    }

    boolean isJourney() {
        return name.startsWith("journey");
    }

    Window window() {
        return Window.of(samples);
    }

    List<Sample> samples(Predicate<String> label) {
        return samples.stream().filter(s -> label.test(s.label())).toList();
    }

    long errors() {
        return samples.stream().filter(s -> !s.success()).count();
    }

    /**
     * The summary table: one row a label, known labels first in the plan's order. Throughput is over
     * the journey's window; a ceiling phase, which runs after the journey, over its own.
     */
    List<LabelRow> rows() {
        Map<String, List<Sample>> byLabel = new TreeMap<>(Labels.ORDER);
        for (Sample s : samples) {
            byLabel.computeIfAbsent(s.label(), l -> new ArrayList<>()).add(s);
        }
        Window journey = Window.of(samples.stream().filter(s -> !Labels.isCeiling(s.label())).toList());
        return byLabel.entrySet().stream().map(e -> row(e.getKey(), e.getValue(),
                Labels.isCeiling(e.getKey()) ? Window.of(e.getValue()) : journey)).toList();
    }

    Optional<LabelRow> row(String label) {
        return rows().stream().filter(r -> r.label().equals(label)).findFirst();
    }

    private static LabelRow row(String label, List<Sample> samples, Window window) {
        int errors = (int) samples.stream().filter(s -> !s.success()).count();
        return new LabelRow(label, Latency.of(samples), errors, window.perSecond(samples.size()));
    }
}
