package com.medicarewizard.lambda.notifier;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.medicarewizard.lambda.common.AwsSettings;
import com.medicarewizard.notifier.ReminderHandler;

import java.util.Map;

/**
 * The reminder entry, invoked by EventBridge Scheduler's one-time schedules with the reminder as input
 * ({@code {"reservationId", "kind", "start"}}); sends through the notifier's senders and ledger.
 */
public final class ReminderFunction implements RequestHandler<Map<String, String>, String> {

    private final ReminderHandler handler;

    public ReminderFunction() {
        this(System.getenv());
    }

    /** With the environment given (tests: local servers' endpoints). */
    public ReminderFunction(Map<String, String> env) {
        this.handler = new ReminderHandler(NotifierWiring.from(new AwsSettings(env)).reminders());
    }

    @Override
    public String handleRequest(Map<String, String> input, Context context) {
        return handler.handleRequest(input, context);
    }
}
