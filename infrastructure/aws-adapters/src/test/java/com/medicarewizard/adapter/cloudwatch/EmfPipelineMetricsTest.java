package com.medicarewizard.adapter.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.medicarewizard.domain.operations.PipelineFigures;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** The Embedded Metric Format lines CloudWatch turns into the pipeline metrics. */
class EmfPipelineMetricsTest {
    private static final Instant AT = Instant.parse("2030-03-04T08:00:00.250Z");

    @Test
    void oneLinePerReadingWithEveryFigureAsAMetricOfTheNamespace() throws Exception {
        List<String> lines = new ArrayList<>();
        new EmfPipelineMetrics(lines::add).record(new PipelineFigures(AT, 12, 3, 4.5, 1, 0.25, OptionalDouble.of(0.75), 30, 2, 5));
        assertThat(lines).hasSize(1);
        JsonNode line = new ObjectMapper().readTree(lines.getFirst());
        assertThat(line.at("/_aws/Timestamp").asLong()).isEqualTo(AT.toEpochMilli());
        JsonNode directive = line.at("/_aws/CloudWatchMetrics/0");
        assertThat(directive.get("Namespace").asText()).isEqualTo("MediCareWizard");
        assertThat(directive.at("/Dimensions/0/0").asText()).isEqualTo("Service");
        assertThat(line.get("Service").asText()).isEqualTo("pipeline");
        List<String> names = new ArrayList<>();
        directive.get("Metrics").forEach(m -> {
            names.add(m.get("Name").asText());
            assertThat(line.has(m.get("Name").asText())).as("value of %s", m).isTrue();
        });
        assertThat(names).containsExactly("QueueDepth", "InFlight", "OldestRequestAge", "DeadLetters", "AllocatorLag",
                "StreamLag", "ConfirmedPerMinute", "RejectedPerMinute", "ParkedNotifications");
        assertThat(line.get("QueueDepth").asDouble()).isEqualTo(12);
        assertThat(line.get("OldestRequestAge").asDouble()).isEqualTo(4.5);
        assertThat(line.get("StreamLag").asDouble()).isEqualTo(0.75);
        assertThat(directive.at("/Metrics/2/Unit").asText()).isEqualTo("Seconds");
        assertThat(lines.getFirst()).doesNotContain("\n");
    }

    @Test
    void aStreamLagNotKnownIsNoPointRatherThanAHealthyZero() throws Exception {
        List<String> lines = new ArrayList<>();
        new EmfPipelineMetrics(lines::add).record(new PipelineFigures(AT, 0, 0, 0, 0, 0, OptionalDouble.empty(), 0, 0, 0));
        JsonNode line = new ObjectMapper().readTree(lines.getFirst());
        assertThat(line.has("StreamLag")).isFalse();
        assertThat(line.at("/_aws/CloudWatchMetrics/0/Metrics").findValuesAsText("Name")).doesNotContain("StreamLag")
                .contains("QueueDepth");
    }
}
