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
 * queue-depth polls (empty when there were none), the run script's description, for the
 * spike the double-booking check, and what the runtime's and JMeter's collectors cost within the
 * scenario's window when their GC logs were kept ({@code LOAD_GC_LOGS=1}).
 */
record Scenario(String name, Properties description, List<Sample> samples, List<QueueRow> queue,
        Optional<Properties> spikeCheck, Optional<GcLog> runtimeGc, Optional<GcLog> generatorGc) {

    /** A scenario run without GC logs. */
    Scenario(String name, Properties description, List<Sample> samples, List<QueueRow> queue,
             Optional<Properties> spikeCheck) {
        this(name, description, samples, queue, spikeCheck, Optional.empty(), Optional.empty());
    }

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
        Window journey = journeyWindow();
        return byLabel.entrySet().stream().map(e -> row(e.getKey(), e.getValue(), journey)).toList();
    }

    /** One label's row, worked out alone (the other labels' percentiles are not sorted for it). */
    Optional<LabelRow> row(String label) {
        List<Sample> ofLabel = samples(label::equals);
        return ofLabel.isEmpty() ? Optional.empty() : Optional.of(row(label, ofLabel, journeyWindow()));
    }

    private Window journeyWindow() {
        return Window.of(samples(label -> !Labels.isCeiling(label)));
    }

    private static LabelRow row(String label, List<Sample> samples, Window journey) {
        int errors = (int) samples.stream().filter(s -> !s.success()).count();
        Window window = Labels.isCeiling(label) ? Window.of(samples) : journey;
        return new LabelRow(label, Latency.of(samples), errors, window.perSecond(samples.size()));
    }
}
