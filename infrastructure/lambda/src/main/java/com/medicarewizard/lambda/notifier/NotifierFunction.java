package com.medicarewizard.lambda.notifier;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.medicarewizard.lambda.common.AwsSettings;
import com.medicarewizard.notifier.NotifierHandler;

import java.util.Map;

/**
 * The notifier's entry on the table's stream (event source mapping with ReportBatchItemFailures,
 * bisect on error, bounded retries and an on-failure destination); it also keeps each reservation's
 * reminders in EventBridge Scheduler ({@link ReminderScheduling}).
 */
public final class NotifierFunction implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private final NotifierHandler handler;

    public NotifierFunction() {
        this(System.getenv());
    }

    /** With the environment given (tests: local servers' endpoints). */
    public NotifierFunction(Map<String, String> env) {
        AwsSettings settings = new AwsSettings(env);
        this.handler = new NotifierHandler(NotifierWiring.from(settings).notifier()
                .withReminders(ReminderScheduling.from(settings)));
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return handler.handleRequest(event, context);
    }
}
