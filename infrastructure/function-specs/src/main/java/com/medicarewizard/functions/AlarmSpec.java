package com.medicarewizard.functions;

import java.util.List;
import java.util.Objects;

/**
 * One CloudWatch alarm of the operators (docs/operations.md, "Alarms"): the CDK stack creates it, every
 * one sending to the {@code OperatorAlarms} topic, and the document's alarm table is tested against it.
 *
 * @param name        the alarm's construct id, and its name after {@code medicarewizard-<stage>-}
 * @param source      whose metric it reads
 * @param metric      the metric's name in the source's namespace, or the difference or sum of two
 *                    ({@code A - B}, {@code A + B})
 * @param statistic   the statistic of each one-minute period
 * @param comparison  how a point is compared with the threshold
 * @param threshold   in the metric's unit
 * @param unit        that unit as the documents write it after the number ({@code ""}, {@code " s"}, {@code " ms"})
 * @param minutes     one-minute periods in a row that must breach before the alarm fires (1..1440)
 * @param missingData how a minute without a point counts
 * @param meaning     what it means when it fires (the alarm's description)
 */
public record AlarmSpec(String name, Source source, String metric, String statistic, Comparison comparison,
                        double threshold, String unit, int minutes, MissingData missingData, String meaning) {

    /** Whose metric an alarm reads, and in which CloudWatch namespace. */
    public enum Source {
        RESERVATION_QUEUE("AWS/SQS", "reservation queue"),
        DEAD_LETTER_QUEUE("AWS/SQS", "dead-letter queue"),
        STREAM_FAILURES_QUEUE("AWS/SQS", "stream-failures queue"),
        FAILED_INVOCATIONS_QUEUE("AWS/SQS", "failed-invocations queue"),
        NOTIFIER_FUNCTION("AWS/Lambda", "notifier function"),
        AVAILABILITY_PROJECTOR_FUNCTION("AWS/Lambda", "availability-projector function"),
        /** The figures the pipeline-metrics function writes every minute (EMF, dimension {@code Service=pipeline}). */
        PIPELINE("MediCareWizard", "pipeline figures");

        private final String namespace;
        private final String label;

        Source(String namespace, String label) {
            this.namespace = namespace;
            this.label = label;
        }

        public String namespace() {
            return namespace;
        }

        /** As the documents name it. */
        public String label() {
            return label;
        }
    }

    /** The comparisons the alarms use, with the symbol the documents write. */
    public enum Comparison {
        GREATER_THAN(">"), AT_LEAST("≥");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /**
     * How a minute without a point counts. Breaching where a point is written every minute whatever
     * happens, so that a missing one means its writer stopped; not breaching where the metric exists only
     * while there is something to measure (an unused queue, a stream nobody writes).
     */
    public enum MissingData {
        BREACHING("breaching"), NOT_BREACHING("not breaching");

        private final String text;

        MissingData(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    public AlarmSpec {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(missingData, "missing data");
        Objects.requireNonNull(unit, "unit");
        if (!name.matches("[A-Z][A-Za-z]+")) {
            throw new IllegalArgumentException("an alarm's name is one PascalCase word: " + name);
        }
        if (!metric.matches("[A-Z][A-Za-z]+( [-+] [A-Z][A-Za-z]+)?")) {
            throw new IllegalArgumentException("a metric is a name, or the difference or sum of two names: " + metric);
        }
        if (minutes < 1 || minutes > 1440) {
            throw new IllegalArgumentException("an alarm evaluates 1..1440 minutes");
        }
        if (meaning == null || meaning.isBlank()) {
            throw new IllegalArgumentException("an alarm says what it means");
        }
    }

    /** The metric's names: one, or the two of a difference or sum ({@link #operator}). */
    public List<String> terms() {
        return List.of(metric.split(" [-+] "));
    }

    /** {@code " - "} or {@code " + "} between the two {@link #terms}; empty for a single metric. */
    public String operator() {
        return metric.contains(" - ") ? " - " : metric.contains(" + ") ? " + " : "";
    }

    /** When it fires, as the documents write it: {@code > 500 for 5 min}. */
    public String condition() {
        String number = threshold == Math.rint(threshold) ? Long.toString((long) threshold) : Double.toString(threshold);
        return comparison.symbol() + " " + number + unit + " for " + minutes + " min";
    }
}
