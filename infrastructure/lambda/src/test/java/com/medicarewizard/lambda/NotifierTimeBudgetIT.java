package com.medicarewizard.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.medicarewizard.adapter.dynamodb.local.DynaliteExtension;
import com.medicarewizard.lambda.notifier.NotifierFunction;
import com.medicarewizard.lambda.notifier.ParkedRetryFunction;
import com.medicarewizard.runtime.lambda.FunctionConfig;
import com.medicarewizard.runtime.lambda.LocalLambdaContext;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The notifier's two entries against SNS, SES and EventBridge endpoints that accept the connection
 * and never answer (issue 14, B1): each returns before its Lambda's remaining time runs out, parks
 * what it tried and hands back what it did not finish, instead of being killed mid-batch. The table
 * is on dynalite. The queue the notifier would send the waitlist's offers to is named as the stack names it,
 * at a closed port: nothing here frees a time, so nothing is queued.
 */
@ExtendWith(DynaliteExtension.class)
class NotifierTimeBudgetIT {

    /** Less than the deployed 60 s, so a run that ignores the remaining time cannot pass by luck. */
    private static final Duration REMAINING = Duration.ofSeconds(20);
    private SilentServer silent;
    /** Scheduler answers: the budget is the hung senders' business. */
    private com.medicarewizard.adapter.local.SchedulerStandIn scheduler;
    private Table table;
    private Map<String, String> env;

    @BeforeEach
    void hungServices() throws IOException {
        silent = new SilentServer();
        String tableName = DynaliteExtension.freshTableName();
        table = new Table(DynaliteExtension.client(), tableName);
        String hung = silent.endpoint().toString();
        env = new HashMap<>(Map.of("AWS_REGION", "eu-south-1", "MCW_TABLE_NAME", tableName,
                "MCW_DYNAMODB_ENDPOINT", DynaliteExtension.endpoint().toString(),
                "MCW_EVENT_BUS_NAME", "medicarewizard-test", "MCW_MAIL_FROM", "no-reply@medicarewizard.example",
                "MCW_PUBLIC_URL", "https://booking.medicarewizard.example"));
        env.putAll(Map.of("MCW_SNS_ENDPOINT", hung, "MCW_SES_ENDPOINT", hung, "MCW_EVENTS_ENDPOINT", hung));
        env.putAll(Map.of("MCW_QUEUE_URL", "http://127.0.0.1:9/q", "MCW_DEAD_LETTER_QUEUE_URL", "http://127.0.0.1:9/d",
                "MCW_SQS_ENDPOINT", "http://127.0.0.1:9"));
        scheduler = new com.medicarewizard.adapter.local.SchedulerStandIn();
        env.putAll(Map.of("MCW_SCHEDULER_ENDPOINT", scheduler.endpoint().toString(),
                "MCW_REMINDER_SCHEDULE_GROUP", "medicarewizard-test-reminders",
                "MCW_REMINDER_FUNCTION_ARN", "arn:aws:lambda:eu-south-1:123456789012:function:reminder:live",
                "MCW_REMINDER_SCHEDULER_ROLE_ARN", "arn:aws:iam::123456789012:role/reminder-scheduler"));
    }

    @AfterEach
    void stop() throws IOException {
        silent.close();
        scheduler.close();
    }

    @Test
    void theNotifierReturnsBeforeItsTimeRunsOutAndHandsBackTheRecordItDidNotFinish() {
        table.seedPatient(Table.STREAM_PATIENT);
        DynamodbEvent event = EventLoader.loadDynamoDbEvent("events/ddb/confirmation-batch.json");
        NotifierFunction function = new NotifierFunction(env);

        StreamsEventResponse response = withinRemainingTime(context -> function.handleRequest(event, context));

        assertThat(silent.connections()).as("the hung services were called").isPositive();
        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .as("the outcome record, not finished, comes again; the claim record before it was done")
                .containsExactly("111200000000012345678902");
        assertThat(table.markerStates(Table.STREAMED_RESERVATION)).as("what it tried is parked").isNotEmpty()
                .containsOnly("PARKED");
    }

    @Test
    void theRedeliveredRecordIsFinishedWithinTheDeployedTimeoutAndEverySideEffectParked() {
        table.seedPatient(Table.STREAM_PATIENT);
        DynamodbEvent event = EventLoader.loadDynamoDbEvent("events/ddb/confirmation-batch.json");
        NotifierFunction function = new NotifierFunction(env);
        function.handleRequest(event, context(REMAINING));

        Duration deployed = com.medicarewizard.functions.FunctionSpecs.NOTIFIER.function().timeout().aws();
        StreamsEventResponse again = function.handleRequest(event, context(deployed));

        assertThat(again.getBatchItemFailures()).isEmpty();
        assertThat(table.markerStates(Table.STREAMED_RESERVATION)).as("event, e-mail and SMS").hasSize(3)
                .containsOnly("PARKED");
    }

    @Test
    void theParkedRetrierStopsBeforeItsTimeRunsOutAndLeavesTheRestDue() {
        table.seedPatient(Table.STREAM_PATIENT);
        for (int i = 0; i < 5; i++) {
            table.seedConfirmedWithDueSms(UUID.randomUUID().toString(), Table.STREAM_PATIENT);
        }
        ScheduledEvent event = EventLoader.loadScheduledEvent("events/scheduled/every-minute.json");
        ParkedRetryFunction function = new ParkedRetryFunction(env);

        int tried = withinRemainingTime(context -> function.handleRequest(event, context));

        assertThat(tried).as("tried some, left the rest for the next run").isBetween(1, 4);
    }

    /** Runs an invocation with {@link #REMAINING} left and checks it returned with time to spare. */
    private static <T> T withinRemainingTime(Function<Context, T> invocation) {
        Context context = context(REMAINING);
        long started = System.nanoTime();
        T answer = invocation.apply(context);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(took).as("returned within the invocation's remaining time").isLessThan(REMAINING);
        assertThat(context.getRemainingTimeInMillis()).as("time left when it returned").isPositive();
        return answer;
    }

    private static Context context(Duration timeout) {
        return LocalLambdaContext.startingNow(new FunctionConfig("medicarewizard-notifier", "1", timeout, 1024, "test"),
                Clock.systemUTC());
    }
}
