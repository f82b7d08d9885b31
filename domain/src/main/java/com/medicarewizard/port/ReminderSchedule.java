package com.medicarewizard.port;

import com.medicarewizard.domain.reminder.Reminder;

/**
 * Where reminders wait for their time: EventBridge Scheduler's one-time schedules in AWS, a schedule
 * kept in the embedded table locally. At its {@link Reminder#dueAt()} (or later, never earlier) the
 * schedule hands the reminder — ids and times only — to the reminder function. Both operations are
 * idempotent, because the notifier that calls them sees each stream record at least once.
 */
public interface ReminderSchedule {

    /** Schedules the reminder; one already scheduled under the same {@link Reminder#name()} is left as it is. */
    void schedule(Reminder reminder);

    /** Cancels the reminder; one that is not (or no longer) scheduled is no error. */
    void cancel(Reminder reminder);
}
