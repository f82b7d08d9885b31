package com.medicarewizard.adapter.cloudwatch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.medicarewizard.domain.operations.PipelineFigures;
import com.medicarewizard.port.PipelineMetrics;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * {@link PipelineMetrics} as CloudWatch Embedded Metric Format: one JSON log line per reading,
 * which CloudWatch Logs turns into metrics of namespace {@value #NAMESPACE} with the dimension
 * {@code Service=pipeline} — no PutMetricData call, no extra latency. On Lambda the line goes to
 * standard output, which the runtime ships to the function's log group. A figure not known (the
 * stream lag while CloudWatch has no point of the notifier) is left out of the line, so that it is a
 * missing point in CloudWatch, not a 0 that would look healthy.
 */
public final class EmfPipelineMetrics implements PipelineMetrics {
    public static final String NAMESPACE = "MediCareWizard";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Consumer<String> out;

    /** @param out where each line goes ({@code System.out::println} on Lambda) */
    public EmfPipelineMetrics(Consumer<String> out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public void record(PipelineFigures f) {
        out.accept(line(f));
    }

    static String line(PipelineFigures f) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode directive = root.putObject("_aws").put("Timestamp", f.at().toEpochMilli())
                .putArray("CloudWatchMetrics").addObject().put("Namespace", NAMESPACE);
        directive.putArray("Dimensions").addArray().add("Service");
        ArrayNode metrics = directive.putArray("Metrics");
        root.put("Service", "pipeline");
        metric(root, metrics, "QueueDepth", "Count", f.queueDepth());
        metric(root, metrics, "InFlight", "Count", f.inFlight());
        metric(root, metrics, "OldestRequestAge", "Seconds", f.oldestAgeSeconds());
        metric(root, metrics, "DeadLetters", "Count", f.deadLetters());
        metric(root, metrics, "AllocatorLag", "Seconds", f.allocatorLagSeconds());
        f.streamLagSeconds().ifPresent(lag -> metric(root, metrics, "StreamLag", "Seconds", lag));
        metric(root, metrics, "ConfirmedPerMinute", "Count", f.confirmedPerMinute());
        metric(root, metrics, "RejectedPerMinute", "Count", f.rejectedPerMinute());
        metric(root, metrics, "ParkedNotifications", "Count", f.parkedNotifications());
        return root.toString();
    }

    private static void metric(ObjectNode root, ArrayNode metrics, String name, String unit, double value) {
        metrics.addObject().put("Name", name).put("Unit", unit);
        root.put(name, value);
    }
}
