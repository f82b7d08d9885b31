package com.medicarewizard.adapter.cloudwatch;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.OptionalDouble;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

/**
 * How far a stream consumer is behind, as Lambda reports it: the function's {@code IteratorAge}
 * (namespace {@code AWS/Lambda}, the age of the last record of each batch when it was handed over),
 * its greatest value in the newest minute with a point among the last {@link #LOOK_BACK}, read with
 * GetMetricData. Lambda emits it only while it invokes the function, so an idle notifier has no
 * point: that, and a CloudWatch that cannot be read, is "not known" (empty), never 0.
 */
public final class CloudWatchIteratorAge {
    /** Points arrive a minute or two late; a few minutes back finds the newest. */
    static final Duration LOOK_BACK = Duration.ofMinutes(5);
    private static final int PERIOD_SECONDS = 60;
    private static final Logger LOG = LogManager.getLogger(CloudWatchIteratorAge.class);
    private final CloudWatchClient client;
    private final String functionName;
    private final Clock clock;

    public CloudWatchIteratorAge(CloudWatchClient client, String functionName, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.functionName = Objects.requireNonNull(functionName, "function name");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The newest minute's maximum iterator age in seconds; empty without a point or without CloudWatch. */
    public OptionalDouble seconds() {
        try {
            // one query, its values newest first (ScanBy.TIMESTAMP_DESCENDING), in milliseconds
            return client.getMetricData(request()).metricDataResults().stream()
                    .flatMap(result -> result.values().stream()).findFirst()
                    .map(millis -> OptionalDouble.of(millis / 1000.0)).orElse(OptionalDouble.empty());
        } catch (SdkException e) {
            LOG.warn("the notifier's IteratorAge could not be read from CloudWatch ({}); stream lag unknown",
                    e.getClass().getSimpleName());
            return OptionalDouble.empty();
        }
    }

    GetMetricDataRequest request() {
        Instant end = clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        MetricDataQuery query = MetricDataQuery.builder().id("iteratorAge").returnData(true)
                .metricStat(stat -> stat.period(PERIOD_SECONDS).stat("Maximum")
                        .metric(metric -> metric.namespace("AWS/Lambda").metricName("IteratorAge")
                                .dimensions(d -> d.name("FunctionName").value(functionName))))
                .build();
        return GetMetricDataRequest.builder().metricDataQueries(query).startTime(end.minus(LOOK_BACK)).endTime(end)
                .scanBy(ScanBy.TIMESTAMP_DESCENDING).build();
    }
}
