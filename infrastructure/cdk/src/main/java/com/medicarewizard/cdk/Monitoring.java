package com.medicarewizard.cdk;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/**
 * The operators' dashboard and alarms, with the thresholds of docs/operations.md: queue depth
 * &gt; {@value #QUEUE_DEPTH} for 5 minutes, oldest request &gt; {@value #OLDEST_AGE_SECONDS} s for 3
 * minutes, any dead letter, notifier stream lag &gt; {@value #STREAM_LAG_SECONDS} s for 5 minutes.
 * Alarms notify the operators' topic.
 */
final class Monitoring extends Construct {

    static final int QUEUE_DEPTH = 500;
    static final int OLDEST_AGE_SECONDS = 30;
    static final int DEAD_LETTERS = 1;
    static final int STREAM_LAG_SECONDS = 60;
    private static final Duration MINUTE = Duration.minutes(1);

    Monitoring(Construct scope, String id, DeploymentSettings settings, ReservationQueues queues, Functions functions,
               PublicApi api) {
        super(scope, id);
        Topic operators = Topic.Builder.create(this, "OperatorAlarms").displayName("MediCareWizard alarms").build();
        SnsAction notify = new SnsAction(operators);
        MetricOptions perMinute = MetricOptions.builder().period(MINUTE).statistic("Maximum").build();

        Metric depth = queues.requests().metricApproximateNumberOfMessagesVisible(perMinute);
        Metric oldest = queues.requests().metricApproximateAgeOfOldestMessage(perMinute);
        Metric deadLetters = queues.deadLetters().metricApproximateNumberOfMessagesVisible(perMinute);
        Metric streamLag = functions.notifier().metric("IteratorAge", perMinute);
        List<Alarm> alarms = new ArrayList<>();
        alarms.add(alarm("QueueDepth", settings, depth, QUEUE_DEPTH, ComparisonOperator.GREATER_THAN_THRESHOLD, 5,
                "Requests waiting for the allocator"));
        alarms.add(alarm("OldestRequestAge", settings, oldest, OLDEST_AGE_SECONDS,
                ComparisonOperator.GREATER_THAN_THRESHOLD, 3, "Age of the oldest waiting request (s)"));
        alarms.add(alarm("DeadLetters", settings, deadLetters, DEAD_LETTERS,
                ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 1, "Requests waiting for an operator"));
        alarms.add(alarm("StreamLag", settings, streamLag, STREAM_LAG_SECONDS * 1000,
                ComparisonOperator.GREATER_THAN_THRESHOLD, 5, "Age of the oldest change the notifier has not done (ms)"));
        alarms.forEach(a -> a.addAlarmAction(notify));

        Dashboard.Builder.create(this, "Dashboard").dashboardName(settings.name("pipeline"))
                .widgets(List.of(
                        List.of(graph("Queue depth", depth, queues.requests().metricApproximateNumberOfMessagesNotVisible(perMinute)),
                                graph("Age of the oldest request (s)", oldest),
                                graph("Dead letters", deadLetters)),
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

    private Alarm alarm(String id, DeploymentSettings settings, Metric metric, double threshold,
                        ComparisonOperator comparison, int minutes, String description) {
        return Alarm.Builder.create(this, id)
                .alarmName(settings.name(id))
                .alarmDescription(description + "; see docs/operations.md")
                .metric(metric)
                .threshold(threshold)
                .comparisonOperator(comparison)
                .evaluationPeriods(minutes)
                .datapointsToAlarm(minutes)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
    }

    private static Metric p99(Metric metric) {
        return metric.with(MetricOptions.builder().statistic("p99").build());
    }

    private static IWidget graph(String title, IMetric... metrics) {
        return GraphWidget.Builder.create().title(title).left(List.of(metrics)).width(8).build();
    }
}
