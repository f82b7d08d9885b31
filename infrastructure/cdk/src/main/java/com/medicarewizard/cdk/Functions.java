package com.medicarewizard.cdk;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.events.targets.LambdaFunctionProps;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.StartingPosition;
import software.amazon.awscdk.services.lambda.eventsources.DynamoEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsDlq;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The five functions, each from its artifact ({@code infrastructure/lambda}), Java 21 with SnapStart
 * on published versions behind a {@code live} alias that every trigger invokes. Least privilege:
 * each gets exactly the grants its adapters use. Every function has a dead-letter queue for failed
 * asynchronous invocations; the allocator's messages go to the queue's own dead-letter queue, the
 * notifier's records to an on-failure destination.
 */
final class Functions extends Construct {

    static final int ALLOCATOR_TIMEOUT_SECONDS = 30;
    /** Stream records retried this often (each after a bisection) before the on-failure destination. */
    static final int STREAM_RETRIES = 5;

    private final Alias intake;
    private final Alias allocator;
    private final Alias notifier;
    private final List<Function> all;

    Functions(Construct scope, String id, DeploymentSettings settings, DataTable data, ReservationQueues queues,
              Messaging messaging) {
        super(scope, id);
        Map<String, String> common = Map.of("MCW_TABLE_NAME", data.table().getTableName(),
                "MCW_QUEUE_URL", queues.requests().getQueueUrl(),
                "MCW_DEAD_LETTER_QUEUE_URL", queues.deadLetters().getQueueUrl(),
                "JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
        FunctionFactory functions = new FunctionFactory(this, settings, common, queues.failedInvocations());

        Function intakeFn = functions.create("Intake", "intake", "com.medicarewizard.lambda.intake.IntakeFunction", 10, Map.of());
        data.table().grantReadWriteData(intakeFn);
        queues.requests().grantSendMessages(intakeFn);
        queues.requests().grant(intakeFn, "sqs:GetQueueAttributes");
        queues.deadLetters().grantConsumeMessages(intakeFn);
        intake = functions.live(intakeFn);

        // The single writer of slot claims (docs/adr/0001, 0005): never two batches at once.
        Function allocatorFn = functions.create("Allocator", "allocator", "com.medicarewizard.lambda.allocator.AllocatorFunction",
                ALLOCATOR_TIMEOUT_SECONDS, Map.of(), 1);
        data.table().grantReadWriteData(allocatorFn);
        allocator = functions.live(allocatorFn);
        allocator.addEventSource(SqsEventSource.Builder.create(queues.requests())
                .batchSize(10).maxBatchingWindow(Duration.seconds(0)).reportBatchItemFailures(true).build());

        Function sweeperFn = functions.create("Sweeper", "allocator", "com.medicarewizard.lambda.allocator.SweeperFunction",
                60, Map.of("MCW_SWEEP_AFTER_SECONDS", "30"));
        data.table().grantReadData(sweeperFn);
        queues.requests().grantSendMessages(sweeperFn);
        functions.everyMinute("SweepEveryMinute", functions.live(sweeperFn));

        Map<String, String> notifierEnv = Map.of("MCW_EVENT_BUS_NAME", messaging.bus().getEventBusName(),
                "MCW_MAIL_FROM", settings.mailFrom());
        Function notifierFn = functions.create("Notifier", "notifier", "com.medicarewizard.lambda.notifier.NotifierFunction",
                60, notifierEnv);
        data.table().grantReadWriteData(notifierFn);
        messaging.grantSend(notifierFn);
        notifier = functions.live(notifierFn);
        notifier.addEventSource(DynamoEventSource.Builder.create(data.table())
                .startingPosition(StartingPosition.TRIM_HORIZON)
                .batchSize(100)
                .bisectBatchOnError(true)
                .retryAttempts(STREAM_RETRIES)
                .maxRecordAge(Duration.hours(6))
                .reportBatchItemFailures(true)
                .onFailure(new SqsDlq(queues.streamFailures()))
                .build());

        Function retryFn = functions.create("ParkedRetry", "notifier", "com.medicarewizard.lambda.notifier.ParkedRetryFunction",
                60, notifierEnv);
        data.table().grantReadWriteData(retryFn);
        messaging.grantSend(retryFn);
        functions.everyMinute("RetryParkedEveryMinute", functions.live(retryFn));

        // The figures reach CloudWatch (EMF) every minute, whether or not an operator reads them.
        Function metricsFn = functions.create("PipelineMetrics", "intake",
                "com.medicarewizard.lambda.intake.PipelineMetricsFunction", 60, Map.of());
        data.table().grantReadData(metricsFn);
        queues.requests().grant(metricsFn, "sqs:GetQueueAttributes");
        queues.deadLetters().grant(metricsFn, "sqs:GetQueueAttributes");
        functions.everyMinute("PipelineMetricsEveryMinute", functions.live(metricsFn));

        all = List.of(intakeFn, allocatorFn, sweeperFn, notifierFn, retryFn, metricsFn);
    }

    Alias intake() {
        return intake;
    }

    Alias allocator() {
        return allocator;
    }

    Alias notifier() {
        return notifier;
    }

    List<Function> all() {
        return all;
    }

    /** Builds the functions the same way. */
    private record FunctionFactory(Construct scope, DeploymentSettings settings, Map<String, String> common,
                                   software.amazon.awscdk.services.sqs.IQueue failedInvocations) {

        Function create(String id, String artifact, String entry, int timeoutSeconds, Map<String, String> env) {
            return create(id, artifact, entry, timeoutSeconds, env, null);
        }

        Function create(String id, String artifact, String entry, int timeoutSeconds, Map<String, String> env,
                        Integer reservedConcurrency) {
            Map<String, String> environment = new java.util.HashMap<>(common);
            environment.putAll(env);
            LogGroup logs = LogGroup.Builder.create(scope, id + "Logs").retention(RetentionDays.ONE_MONTH).build();
            return Function.Builder.create(scope, id)
                    .runtime(Runtime.JAVA_21)
                    .architecture(Architecture.X86_64)
                    .code(Code.fromAsset(settings.jar(artifact).toString()))
                    .handler(entry + "::handleRequest")
                    .memorySize(1024)
                    .timeout(Duration.seconds(timeoutSeconds))
                    .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                    .environment(environment)
                    .deadLetterQueue(failedInvocations)
                    .logGroup(logs)
                    .reservedConcurrentExecutions(reservedConcurrency)
                    .build();
        }

        Alias live(Function function) {
            return Alias.Builder.create(scope, function.getNode().getId() + "Live")
                    .aliasName("live").version(function.getCurrentVersion()).build();
        }

        void everyMinute(String id, Alias target) {
            Rule.Builder.create(scope, id).schedule(Schedule.rate(Duration.minutes(1)))
                    .targets(List.of(new LambdaFunction(target, LambdaFunctionProps.builder()
                            .deadLetterQueue(failedInvocations).retryAttempts(2).maxEventAge(Duration.minutes(5)).build())))
                    .build();
        }
    }
}
