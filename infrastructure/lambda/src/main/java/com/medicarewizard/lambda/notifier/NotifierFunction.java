package com.medicarewizard.lambda.notifier;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.medicarewizard.lambda.common.AwsSettings;
import com.medicarewizard.lambda.common.SqsQueues;
import com.medicarewizard.notifier.NotifierHandler;

import java.util.Map;

/**
 * The notifier's entry on the table's stream (event source mapping with ReportBatchItemFailures,
 * bisect on error, bounded retries and an on-failure destination); it also keeps each reservation's
 * reminders, and each offer's lapse, in EventBridge Scheduler ({@link ReminderScheduling}), and offers the
 * times that free up to the waitlist, queueing each offer to the allocator on the reservation queue.
 */
public final class NotifierFunction implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private final NotifierHandler handler;

    public NotifierFunction() {
        this(System.getenv());
    }

    /** With the environment given (tests: local servers' endpoints). */
    public NotifierFunction(Map<String, String> env) {
        AwsSettings settings = new AwsSettings(env);
        NotifierWiring wiring = NotifierWiring.from(settings);
        this.handler = new NotifierHandler(wiring.notifier()
                .withReminders(ReminderScheduling.from(settings))
                .withWaitlist(wiring.waitlistOffers(SqsQueues.from(settings).reservations())));
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return handler.handleRequest(event, context);
    }
}
