package com.medicarewizard.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.medicarewizard.functions.AlarmSpec;
import com.medicarewizard.functions.Alarms;
import com.medicarewizard.functions.FunctionSpec;
import com.medicarewizard.functions.AbuseLimits;
import com.medicarewizard.functions.FunctionSpecs;
import com.medicarewizard.intake.reservation.ReadReservations;
import com.medicarewizard.functions.QueueSource;
import com.medicarewizard.functions.StreamSource;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The template deploys what {@link FunctionSpecs} says for AWS: a changed value in either fails here. */
class DeployedSpecsTest {

    private static final Template TEMPLATE = SynthesizedStack.template();

    @Test
    void everyFunctionHasTheSpecifiedEntryMemoryTimeoutAndConcurrency() {
        Map<String, Map<String, Object>> deployed = new HashMap<>();
        properties("AWS::Lambda::Function").values().stream().filter(f -> "java21".equals(f.get("Runtime")))
                .forEach(f -> deployed.put((String) f.get("Handler"), f));
        assertThat(deployed).hasSameSizeAs(FunctionSpecs.all());
        for (FunctionSpec spec : FunctionSpecs.all()) {
            assertThat(deployed.get(spec.handler() + "::handleRequest")).as(spec.name())
                    .containsEntry("MemorySize", spec.memoryMb())
                    .containsEntry("Timeout", seconds(spec.timeout().aws()))
                    .satisfies(f -> assertThat(f.get("ReservedConcurrentExecutions")).isEqualTo(
                            spec.reservedConcurrency().isPresent() ? spec.reservedConcurrency().getAsInt() : null));
        }
    }

    @Test
    void theReservationQueueHidesAndDeadLettersAsSpecified() {
        QueueSource queue = FunctionSpecs.ALLOCATOR.queue();
        TEMPLATE.hasResourceProperties("AWS::SQS::Queue", Map.of(
                "VisibilityTimeout", seconds(queue.visibilityTimeout().aws()),
                "RedrivePolicy", Map.of("maxReceiveCount", queue.maxReceiveCount(),
                        "deadLetterTargetArn", Match.anyValue())));
    }

    @Test
    void theAllocatorsQueueMappingIsAsSpecified() {
        QueueSource queue = FunctionSpecs.ALLOCATOR.queue();
        mapping("QueuesRequests.*", "Arn", Map.of("BatchSize", queue.batchSize(),
                "MaximumBatchingWindowInSeconds", seconds(queue.batchingWindow()),
                "FunctionResponseTypes", responseTypes(queue.reportBatchItemFailures()),
                "ScalingConfig", Map.of("MaximumConcurrency", queue.maximumConcurrency().aws())));
    }

    /**
     * A read that waits for a decision ({@code Prefer: wait}, docs/adr/0010) is given its longest wait
     * and the time to answer after it by the deployed intake, which itself ends before API Gateway cuts
     * the request (its integration timeout: 29 s).
     */
    @Test
    void theIntakeHoldsTheLongestWaitForADecisionWithinApiGatewaysTimeout() {
        Map<String, Object> intake = properties("AWS::Lambda::Function").values().stream()
                .filter(f -> entry(FunctionSpecs.INTAKE.function()).equals(f.get("Handler"))).findFirst().orElseThrow();
        int timeout = (Integer) intake.get("Timeout");
        assertThat(timeout).as("the intake's timeout (s)")
                .isGreaterThanOrEqualTo(seconds(ReadReservations.LONGEST_WAIT.plus(ReadReservations.AFTER_WAIT)))
                .isLessThan(29);
    }

    /** B5: what the stack deploys, read from the template, not from the spec the stack was built from. */
    @Test
    void theSweeperWaitsLongerThanTheReservationQueueHidesAMessage() {
        Map<String, Object> reservationQueue = properties("AWS::SQS::Queue").values().stream()
                .filter(q -> q.containsKey("RedrivePolicy")).findFirst().orElseThrow();
        Map<String, Object> sweeper = properties("AWS::Lambda::Function").values().stream()
                .filter(f -> entry(FunctionSpecs.SWEEPER.function()).equals(f.get("Handler"))).findFirst().orElseThrow();
        int patience = Integer.parseInt((String) variables(sweeper).get("MCW_SWEEP_AFTER_SECONDS"));
        assertThat(patience).as("the sweeper's patience (s)")
                .isGreaterThan((Integer) reservationQueue.get("VisibilityTimeout"));
    }

    /** Every alarm of {@link Alarms#ALL} (the list docs/operations.md is tested against), and no other. */
    @Test
    void theAlarmsAreExactlyTheSpecifiedOnesAndAllTellTheOperators() {
        TEMPLATE.resourceCountIs("AWS::CloudWatch::Alarm", Alarms.ALL.size());
        for (AlarmSpec spec : Alarms.ALL) {
            Map<String, Object> expected = new HashMap<>(Map.of(
                    "AlarmName", "medicarewizard-test-" + spec.name(),
                    "Threshold", spec.threshold() == Math.rint(spec.threshold()) ? (Object) (int) spec.threshold()
                            : spec.threshold(),
                    "ComparisonOperator", spec.comparison() == AlarmSpec.Comparison.AT_LEAST
                            ? "GreaterThanOrEqualToThreshold" : "GreaterThanThreshold",
                    "EvaluationPeriods", spec.minutes(),
                    "DatapointsToAlarm", spec.minutes(),
                    "TreatMissingData", spec.missingData() == AlarmSpec.MissingData.BREACHING ? "breaching" : "notBreaching",
                    "AlarmActions", List.of(Map.of("Ref", Match.stringLikeRegexp("MonitoringOperatorAlarms.*")))));
            if (spec.terms().size() == 2) {
                expected.put("Metrics", Match.arrayWith(List.of(Match.objectLike(Map.of("Expression",
                        "a" + spec.operator() + "b")))));
                for (String part : spec.terms()) {
                    TEMPLATE.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                            "AlarmName", "medicarewizard-test-" + spec.name(),
                            "Metrics", Match.arrayWith(List.of(Match.objectLike(Map.of(
                                    "MetricStat", metricStat(spec, part))))))));
                }
            } else {
                expected.putAll(Map.of("Namespace", spec.source().namespace(), "MetricName", spec.metric(),
                        "Statistic", spec.statistic(), "Period", 60, "Dimensions", dimensions(spec.source())));
            }
            TEMPLATE.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(expected));
        }
    }

    private static Object metricStat(AlarmSpec spec, String metric) {
        return Map.of("Metric", Map.of("Namespace", spec.source().namespace(), "MetricName", metric,
                "Dimensions", dimensions(spec.source())), "Period", 60, "Stat", spec.statistic());
    }

    /** Whose metric: each source's dimensions as the template names it. */
    private static Object dimensions(AlarmSpec.Source source) {
        return switch (source) {
            case RESERVATION_QUEUE -> queue("QueuesRequests.*");
            case DEAD_LETTER_QUEUE -> queue("QueuesDeadLetters.*");
            case STREAM_FAILURES_QUEUE -> queue("QueuesStreamFailures.*");
            case FAILED_INVOCATIONS_QUEUE -> queue("QueuesFailedInvocations.*");
            case NOTIFIER_FUNCTION -> Match.arrayWith(List.of(Map.of("Name", "FunctionName",
                    "Value", Map.of("Ref", Match.stringLikeRegexp("FunctionsNotifier[0-9A-F]+")))));
            case AVAILABILITY_PROJECTOR_FUNCTION -> Match.arrayWith(List.of(Map.of("Name", "FunctionName",
                    "Value", Map.of("Ref", Match.stringLikeRegexp("FunctionsAvailabilityProjector[0-9A-F]+")))));
            case PIPELINE -> List.of(Map.of("Name", "Service", "Value", "pipeline"));
        };
    }

    private static Object queue(String logicalId) {
        return List.of(Map.of("Name", "QueueName",
                "Value", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp(logicalId), "QueueName"))));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> variables(Map<String, Object> function) {
        return (Map<String, Object>) ((Map<String, Object>) function.get("Environment")).get("Variables");
    }

    @Test
    void theNotifiersStreamMappingIsAsSpecified() {
        StreamSource stream = FunctionSpecs.NOTIFIER.stream();
        mapping("DataTable.*", "StreamArn", Map.of("BatchSize", stream.batchSize(),
                "MaximumBatchingWindowInSeconds", seconds(stream.batchingWindow()),
                "MaximumRetryAttempts", stream.retryAttempts(),
                "MaximumRecordAgeInSeconds", seconds(stream.maxRecordAge()),
                "BisectBatchOnFunctionError", stream.bisectOnError(),
                "FunctionResponseTypes", responseTypes(stream.reportBatchItemFailures())));
    }

    @Test
    void theAvailabilityProjectorsStreamMappingIsAsSpecified() {
        StreamSource stream = FunctionSpecs.AVAILABILITY_PROJECTOR.stream();
        mapping("DataTable.*", "StreamArn", Map.of("BatchSize", stream.batchSize(),
                "MaximumRetryAttempts", stream.retryAttempts(),
                "MaximumRecordAgeInSeconds", seconds(stream.maxRecordAge()),
                "BisectBatchOnFunctionError", stream.bisectOnError(),
                "FunctionResponseTypes", responseTypes(stream.reportBatchItemFailures()),
                "ParallelizationFactor", FunctionSpecs.AVAILABILITY_PROJECTOR.parallelization()));
    }

    /** The mapping on the source whose logical id matches {@code source} has these settings. */
    private static void mapping(String source, String arnAttribute, Map<String, Object> settings) {
        Map<String, Object> expected = new HashMap<>(settings);
        expected.put("EventSourceArn", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp(source), arnAttribute)));
        TEMPLATE.hasResourceProperties("AWS::Lambda::EventSourceMapping", Match.objectLike(expected));
    }

    @Test
    void eachScheduleInvokesItsFunctionAtTheSpecifiedPeriod() {
        Map<String, String> handlerOfAlias = new HashMap<>();
        Map<String, Map<String, Object>> functions = properties("AWS::Lambda::Function");
        properties("AWS::Lambda::Alias").forEach((alias, p) -> handlerOfAlias.put(alias,
                (String) functions.get(ref(p.get("FunctionName"))).get("Handler")));
        Map<String, String> scheduled = new HashMap<>();
        properties("AWS::Events::Rule").values().forEach(rule -> scheduled.put(handlerOfAlias.get(
                ref(((List<?>) rule.get("Targets")).getFirst(), "Arn")), (String) rule.get("ScheduleExpression")));
        assertThat(scheduled).isEqualTo(Map.of(
                entry(FunctionSpecs.SWEEPER.function()), rate(FunctionSpecs.SWEEPER.every().aws()),
                entry(FunctionSpecs.PARKED_RETRY.function()), rate(FunctionSpecs.PARKED_RETRY.every().aws()),
                entry(FunctionSpecs.PIPELINE_METRICS.function()), rate(FunctionSpecs.PIPELINE_METRICS.every())));
    }

    @Test
    void theEntriesAreToldTheSpecifiedPatienceAndTokenLifetime() {
        environmentOf(FunctionSpecs.SWEEPER.function(), "MCW_SWEEP_AFTER_SECONDS",
                FunctionSpecs.SWEEPER.patience().aws());
        environmentOf(FunctionSpecs.INTAKE.function(), "MCW_TOKEN_TTL_SECONDS", FunctionSpecs.INTAKE.tokenLifetime());
    }

    @Test
    void theEntriesAreToldTheSpecifiedAbuseLimits() {
        String bookings = Integer.toString(FunctionSpecs.LIMITS.activeBookingsPerPatient());
        String messages = Integer.toString(FunctionSpecs.LIMITS.messagesPerRecipientPerHour());
        environmentOf(FunctionSpecs.INTAKE.function(), AbuseLimits.ACTIVE_BOOKINGS, bookings);
        environmentOf(FunctionSpecs.ALLOCATOR.function(), AbuseLimits.ACTIVE_BOOKINGS, bookings);
        environmentOf(FunctionSpecs.NOTIFIER.function(), AbuseLimits.MESSAGES_PER_HOUR, messages);
        environmentOf(FunctionSpecs.PARKED_RETRY.function(), AbuseLimits.MESSAGES_PER_HOUR, messages);
    }

    private static void environmentOf(FunctionSpec function, String variable, Duration value) {
        environmentOf(function, variable, Long.toString(value.toSeconds()));
    }

    private static void environmentOf(FunctionSpec function, String variable, String value) {
        TEMPLATE.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Handler", entry(function),
                "Environment", Map.of("Variables", Match.objectLike(Map.of(variable, value))))));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> properties(String type) {
        Map<String, Map<String, Object>> properties = new HashMap<>();
        TEMPLATE.findResources(type).forEach((id, resource) ->
                properties.put(id, (Map<String, Object>) ((Map<String, Object>) resource).get("Properties")));
        return properties;
    }

    private static String ref(Object reference) {
        return (String) ((Map<?, ?>) reference).get("Ref");
    }

    private static String ref(Object holder, String key) {
        return ref(((Map<?, ?>) holder).get(key));
    }

    private static String entry(FunctionSpec function) {
        return function.handler() + "::handleRequest";
    }

    private static Object responseTypes(boolean reportBatchItemFailures) {
        return reportBatchItemFailures ? List.of("ReportBatchItemFailures") : Match.absent();
    }

    private static int seconds(Duration duration) {
        return Math.toIntExact(duration.toSeconds());
    }

    /** EventBridge's rate expression, as the CDK writes it for whole minutes. */
    private static String rate(Duration period) {
        long minutes = period.toMinutes();
        return "rate(" + minutes + (minutes == 1 ? " minute)" : " minutes)");
    }
}
