package com.medicarewizard.runtime;

import com.medicarewizard.adapter.table.TableReminderSchedule;
import com.medicarewizard.domain.reminder.Reminder;
import com.medicarewizard.runtime.lambda.LocalFunction;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The embedded runtime's EventBridge Scheduler for reminders: each pass reads the reminders due by now
 * from the schedule kept in the table ({@link TableReminderSchedule}) and invokes the reminder function
 * with each one's fields, as Scheduler invokes its target with the schedule's input; a reminder whose
 * invocation succeeded is deleted ({@code ActionAfterCompletion=DELETE}), one that failed stays and is
 * invoked again at the next pass. Since the schedule is in the table's journal, reminders that came due
 * while the process was down are fired by the first pass after a start — the use case then sends those
 * still of use and drops the rest. A reminder fired twice (a crash between the invocation and the delete)
 * sends nothing more: its messages are marked in the notification ledger.
 */
final class ReminderTimer implements Runnable {
    private static final Logger LOG = LogManager.getLogger(ReminderTimer.class);
    /** Reminders fired per pass at most; the rest wait for the next pass (seconds later). */
    static final int BATCH = 100;
    private final TableReminderSchedule schedule;
    private final LocalFunction<Map<String, String>, String> function;
    private final Clock clock;

    ReminderTimer(TableReminderSchedule schedule, LocalFunction<Map<String, String>, String> function, Clock clock) {
        this.schedule = schedule;
        this.function = function;
        this.clock = clock;
    }

    /** One pass: answers how many due reminders the function handled (and were deleted). */
    int fireDue() {
        List<Reminder> due = schedule.due(clock.instant(), BATCH);
        int fired = 0;
        for (Reminder reminder : due) {
            try {
                String result = function.invoke(reminder.fields());
                schedule.fired(reminder);
                fired++;
                LOG.info("{} fired: {}", reminder, result);
            } catch (RuntimeException e) {
                LOG.warn("{} failed; tried again at the next pass: {}", reminder, e.toString());
            }
        }
        return fired;
    }

    @Override
    public void run() {
        try {
            fireDue();
        } catch (RuntimeException e) {
            LOG.warn("reminder schedule not read; the next pass tries again: {}", e.toString());
        }
    }
}
