package com.medicarewizard.lambda.notifier;

import com.medicarewizard.adapter.scheduler.EventBridgeReminderSchedule;
import com.medicarewizard.functions.FunctionSpecs;
import com.medicarewizard.lambda.common.AwsClients;
import com.medicarewizard.lambda.common.AwsSettings;
import software.amazon.awssdk.services.scheduler.SchedulerClient;

/**
 * The reminders' schedule in AWS, for the notifier that keeps it: EventBridge Scheduler's group
 * {@code MCW_REMINDER_SCHEDULE_GROUP}, each schedule invoking the reminder function
 * {@code MCW_REMINDER_FUNCTION_ARN} as the role {@code MCW_REMINDER_SCHEDULER_ROLE_ARN} (which the
 * notifier may pass to Scheduler, and nothing else), retried as {@link FunctionSpecs#REMINDER} says.
 */
final class ReminderScheduling {

    private ReminderScheduling() {
    }

    static EventBridgeReminderSchedule from(AwsSettings settings) {
        return new EventBridgeReminderSchedule(AwsClients.build(SchedulerClient.builder(), "SCHEDULER", settings),
                new EventBridgeReminderSchedule.Settings(settings.required("MCW_REMINDER_SCHEDULE_GROUP"),
                        settings.required("MCW_REMINDER_FUNCTION_ARN"), settings.required("MCW_REMINDER_SCHEDULER_ROLE_ARN"),
                        FunctionSpecs.REMINDER.retryAttempts(), FunctionSpecs.REMINDER.maxEventAge()));
    }
}
