package com.medicarewizard.cdk;

import com.medicarewizard.functions.AlarmSpec;
import com.medicarewizard.functions.Alarms;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/**
 * The operators' dashboard and the alarms of {@link Alarms#ALL} (the list docs/operations.md is
 * tested against), each on the metric its spec names and sending to the operators' topic.
 */
final class Monitoring extends Construct {

    private static final Duration MINUTE = Duration.minutes(1);
    /** The dimension the pipeline-metrics function writes its EMF figures with. */
    static final Map<String, String> PIPELINE = Map.of("Service", "pipeline");

    Monitoring(Construct scope, String id, DeploymentSettings settings, ReservationQueues queues, Functions functions,
               PublicApi api) {
        super(scope, id);
        Topic operators = Topic.Builder.create(this, "OperatorAlarms").displayName("MediCareWizard alarms").build();
        SnsAction notify = new SnsAction(operators);
        MetricOptions perMinute = MetricOptions.builder().period(MINUTE).statistic("Maximum").build();
        for (AlarmSpec spec : Alarms.ALL) {
            alarm(spec, settings, metric(spec, queues, functions)).addAlarmAction(notify);
        }

        Metric depth = queues.requests().metricApproximateNumberOfMessagesVisible(perMinute);
        Metric oldest = queues.requests().metricApproximateAgeOfOldestMessage(perMinute);
        Metric deadLetters = queues.deadLetters().metricApproximateNumberOfMessagesVisible(perMinute);
        Metric streamLag = functions.notifier().metric("IteratorAge", perMinute);
        Dashboard.Builder.create(this, "Dashboard").dashboardName(settings.name("pipeline"))
                .widgets(List.of(
                        List.of(graph("Queue depth", depth, queues.requests().metricApproximateNumberOfMessagesNotVisible(perMinute)),
                                graph("Age of the oldest request (s)", oldest),
                                graph("Waiting for an operator", deadLetters,
                                        queues.streamFailures().metricApproximateNumberOfMessagesVisible(perMinute),
                                        queues.failedInvocations().metricApproximateNumberOfMessagesVisible(perMinute))),
                        List.of(graph("Allocator errors and throttles", functions.allocator().metricErrors(),
                                        functions.allocator().metricThrottles()),
                                graph("Notifier errors and throttles", functions.notifier().metricErrors(),
                                        functions.notifier().metricThrottles()),
                                graph("Durations p99 (ms)", p99(functions.allocator().metricDuration()),
                                        p99(functions.notifier().metricDuration()), p99(functions.intake().metricDuration()))),
                        List.of(graph("API latency p99 (ms)", api.api().metricLatency(MetricOptions.builder()
                                        .statistic("p99").period(MINUTE).build())),
                                graph("API 4xx / 5xx", api.api().metricClientError(), api.api().metricServerError()),
                                graph("Notifier stream lag (ms)", streamLag))))
                .build();
    }

    /** The metric an alarm reads, by its source: each a one-minute series of the spec's statistic. */
    private static IMetric metric(AlarmSpec spec, ReservationQueues queues, Functions functions) {
        MetricOptions options = MetricOptions.builder().period(MINUTE).statistic(spec.statistic()).build();
        List<String> terms = spec.terms();
        if (terms.size() == 2) {
            // two metrics of the same source, combined minute by minute; sorted, so that every synthesis
            // writes the same template (Map.of's order is not fixed)
            return MathExpression.Builder.create().expression("a" + spec.operator() + "b").label(spec.metric())
                    .period(MINUTE)
                    .usingMetrics(new TreeMap<>(Map.of("a", metric(spec.source(), terms.get(0), options, queues, functions),
                            "b", metric(spec.source(), terms.get(1), options, queues, functions))))
                    .build();
        }
        return metric(spec.source(), spec.metric(), options, queues, functions);
    }

    private static Metric metric(AlarmSpec.Source source, String name, MetricOptions options, ReservationQueues queues,
                                 Functions functions) {
        return switch (source) {
            case RESERVATION_QUEUE -> queues.requests().metric(name, options);
            case DEAD_LETTER_QUEUE -> queues.deadLetters().metric(name, options);
            case STREAM_FAILURES_QUEUE -> queues.streamFailures().metric(name, options);
            case FAILED_INVOCATIONS_QUEUE -> queues.failedInvocations().metric(name, options);
            case NOTIFIER_FUNCTION -> functions.notifier().metric(name, options);
            case AVAILABILITY_PROJECTOR_FUNCTION -> functions.availabilityProjector().metric(name, options);
            case PIPELINE -> Metric.Builder.create().namespace(source.namespace()).metricName(name)
                    .dimensionsMap(PIPELINE).period(options.getPeriod()).statistic(options.getStatistic()).build();
        };
    }

    private Alarm alarm(AlarmSpec spec, DeploymentSettings settings, IMetric metric) {
        return Alarm.Builder.create(this, spec.name())
                .alarmName(settings.name(spec.name()))
                .alarmDescription(spec.meaning() + " (" + spec.condition() + "); see docs/operations.md")
                .metric(metric)
                .threshold(spec.threshold())
                .comparisonOperator(switch (spec.comparison()) {
                    case GREATER_THAN -> ComparisonOperator.GREATER_THAN_THRESHOLD;
                    case AT_LEAST -> ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD;
                })
                .evaluationPeriods(spec.minutes())
                .datapointsToAlarm(spec.minutes())
                .treatMissingData(switch (spec.missingData()) {
                    case BREACHING -> TreatMissingData.BREACHING;
                    case NOT_BREACHING -> TreatMissingData.NOT_BREACHING;
                })
                .build();
    }

    private static Metric p99(Metric metric) {
        return metric.with(MetricOptions.builder().statistic("p99").build());
    }

    private static IWidget graph(String title, IMetric... metrics) {
        return GraphWidget.Builder.create().title(title).left(List.of(metrics)).width(8).build();
    }
}
