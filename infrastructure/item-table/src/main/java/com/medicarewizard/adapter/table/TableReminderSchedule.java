package com.medicarewizard.adapter.table;

import static com.medicarewizard.table.layout.ItemLayout.PK;
import static com.medicarewizard.table.layout.ItemLayout.REMINDERS;
import static com.medicarewizard.table.layout.ItemLayout.REMINDER_KIND;
import static com.medicarewizard.table.layout.ItemLayout.REMINDER_START;
import static com.medicarewizard.table.layout.ItemLayout.RESERVATION_ID;
import static com.medicarewizard.table.layout.ItemLayout.SK;
import static com.medicarewizard.table.layout.ItemLayout.TYPE;

import com.medicarewizard.domain.reminder.Reminder;
import com.medicarewizard.domain.reminder.ReminderKind;
import com.medicarewizard.domain.reservation.ReservationId;
import com.medicarewizard.port.ReminderSchedule;
import com.medicarewizard.table.Condition;
import com.medicarewizard.table.ConditionFailedException;
import com.medicarewizard.table.Item;
import com.medicarewizard.table.ItemTable;
import com.medicarewizard.table.Key;
import com.medicarewizard.table.Query;
import com.medicarewizard.table.SortRange;
import com.medicarewizard.table.layout.ItemKeys;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@link ReminderSchedule} kept in the item table, for the embedded runtime (in AWS, EventBridge
 * Scheduler keeps them): one item per reminder in the {@code REMINDERS} partition, sorted by the instant
 * it is due, so the reminders due by now are one query of the partition's head. An item holds ids and
 * times only. Written through the table's journal, a schedule survives a kill and a power cut as every
 * acknowledged write does; whoever fires a reminder deletes its item once the reminder function succeeded
 * ({@link #fired}), as Scheduler's {@code ActionAfterCompletion=DELETE} does.
 */
public final class TableReminderSchedule implements ReminderSchedule {
    private final ItemTable table;

    public TableReminderSchedule(ItemTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public void schedule(Reminder reminder) {
        Item item = Item.of(Map.of(PK, REMINDERS, SK, sortKey(reminder), TYPE, REMINDERS,
                RESERVATION_ID, reminder.reservation().value(), REMINDER_KIND, reminder.kind().code(),
                REMINDER_START, ItemKeys.instant(reminder.start())));
        try {
            table.put(item, Condition.absent());
        } catch (ConditionFailedException alreadyScheduled) {
            // the same reminder, scheduled by an earlier delivery of the same confirmation
        }
    }

    @Override
    public void cancel(Reminder reminder) {
        table.delete(key(reminder), Condition.always());
    }

    /** The reminders due at or before {@code now}, soonest first, at most {@code limit}. */
    public List<Reminder> due(Instant now, int limit) {
        // every sort key of an instant up to now starts with its fixed-width form, and '#' sorts below '~'
        Query query = Query.table(REMINDERS, SortRange.between("", ItemKeys.instant(now) + "~")).limit(limit);
        return table.query(query).stream().map(TableReminderSchedule::reminder).toList();
    }

    /** Deletes a reminder the reminder function has handled. */
    public void fired(Reminder reminder) {
        cancel(reminder);
    }

    private static Key key(Reminder reminder) {
        return new Key(REMINDERS, sortKey(reminder));
    }

    private static String sortKey(Reminder reminder) {
        return ItemKeys.instant(reminder.dueAt()) + "#" + reminder.reservation().value() + "#" + reminder.kind().code();
    }

    private static Reminder reminder(Item item) {
        return new Reminder(new ReservationId(item.string(RESERVATION_ID)), ReminderKind.ofCode(item.string(REMINDER_KIND)),
                ItemKeys.instant(item.string(REMINDER_START)));
    }
}
