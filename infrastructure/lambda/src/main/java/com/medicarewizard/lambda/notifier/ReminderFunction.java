package com.medicarewizard.lambda.notifier;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.medicarewizard.lambda.common.AwsSettings;
import com.medicarewizard.lambda.common.SqsQueues;
import com.medicarewizard.notifier.ReminderHandler;

import java.util.Map;

/**
 * The reminder entry, invoked by EventBridge Scheduler's one-time schedules with the reminder as input
 * ({@code {"reservationId", "kind", "start"}}); sends through the notifier's senders and ledger. The
 * schedule of an offer from the waitlist ({@code kind} {@code lapse}) ends its hold instead: an offer still
 * unanswered is recorded as lapsed and its CANCEL queued to the allocator on the reservation queue.
 */
public final class ReminderFunction implements RequestHandler<Map<String, String>, String> {

    private final ReminderHandler handler;

    public ReminderFunction() {
        this(System.getenv());
    }

    /** With the environment given (tests: local servers' endpoints). */
    public ReminderFunction(Map<String, String> env) {
        AwsSettings settings = new AwsSettings(env);
        this.handler = new ReminderHandler(NotifierWiring.from(settings).reminders()
                .withOfferLapses(SqsQueues.from(settings).reservations()));
    }

    @Override
    public String handleRequest(Map<String, String> input, Context context) {
        return handler.handleRequest(input, context);
    }
}
