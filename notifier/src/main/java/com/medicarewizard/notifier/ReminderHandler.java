package com.medicarewizard.notifier;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.medicarewizard.domain.reminder.Reminder;
import org.apache.logging.log4j.CloseableThreadContext;

import java.util.Map;

/**
 * The reminder function: invoked by a one-time schedule (EventBridge Scheduler in AWS, the embedded
 * runtime's schedule locally) with the reminder's fields as its input, it fires the reminder and answers
 * what came of it. A failure — the table unreadable, out of time, fired early — is thrown, and the
 * scheduler invokes it again (Scheduler's retry policy; locally the schedule item stays until it succeeds).
 * Input that is not a reminder is thrown too: retrying it changes nothing, and it ends in the schedule's
 * retries running out, as a poison message does.
 */
public final class ReminderHandler implements RequestHandler<Map<String, String>, String> {
    private final ReminderNotifier reminders;

    public ReminderHandler(ReminderNotifier reminders) {
        this.reminders = reminders;
    }

    @Override
    @SuppressWarnings("try") // the ids are on every log line of the firing; the resource itself is unused
    public String handleRequest(Map<String, String> input, Context context) {
        Reminder reminder = Reminder.of(input);
        try (var ids = CloseableThreadContext.put("requestId", context.getAwsRequestId())
                .put("reservationId", reminder.reservation().value()).put("reminder", reminder.kind().code())) {
            return reminders.fire(reminder, TimeBudget.of(context)).name();
        }
    }
}
