package com.medicarewizard.adapter.table;

import static com.medicarewizard.table.layout.ItemLayout.EXPIRES_AT;
import static com.medicarewizard.table.layout.ItemLayout.FAILURES;
import static com.medicarewizard.table.layout.ItemLayout.THROTTLE;
import static com.medicarewizard.table.layout.ItemLayout.TYPE;

import com.medicarewizard.port.LoginAttempts;
import com.medicarewizard.table.Condition;
import com.medicarewizard.table.ConditionFailedException;
import com.medicarewizard.table.Item;
import com.medicarewizard.table.ItemTable;
import com.medicarewizard.table.Update;
import com.medicarewizard.table.layout.ExpiringRecords;
import com.medicarewizard.table.layout.ItemKeys;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link LoginAttempts} on the item table: one {@code THROTTLE#<subject>} item per subject listing
 * its recent failures. Each failure is appended by one atomic update, so no count is lost when
 * failures race. Once the list is longer than {@value #MAX_KEPT} it is cut back to the failures of
 * the caller's window, conditional on the length it was read with (a racing append makes the cut
 * wait for the next failure). Readers sort, since racing appends commit in any order; TTL removes
 * subjects that stopped failing.
 */
public final class TableLoginAttempts implements LoginAttempts {

    /** Far more than any throttle threshold needs to see. */
    static final int MAX_KEPT = 100;
    /** Lets TTL remove subjects that stopped failing; longer than any throttle window. */
    private static final Duration FORGET_AFTER = Duration.ofDays(1);

    private final ItemTable table;

    public TableLoginAttempts(ItemTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public List<Instant> recordFailure(String subject, Instant at, Instant since) {
        Update append = Update.append(FAILURES, List.of(ItemKeys.instant(at)))
                .andSet(TYPE, THROTTLE)
                .andSet(EXPIRES_AT, at.plus(FORGET_AFTER).getEpochSecond());
        List<String> stored = table.update(ExpiringRecords.throttleKey(subject), append, Condition.always())
                .strings(FAILURES);
        List<Instant> recent = inWindow(stored, since);
        if (stored.size() > MAX_KEPT) {
            cutBack(subject, stored, recent);
        }
        return recent;
    }

    private void cutBack(String subject, List<String> read, List<Instant> recent) {
        List<String> kept = recent.subList(Math.max(0, recent.size() - MAX_KEPT), recent.size()).stream()
                .map(ItemKeys::instant).toList();
        try {
            table.update(ExpiringRecords.throttleKey(subject), Update.set(FAILURES, kept),
                    Condition.sizeEquals(FAILURES, read.size()));
        } catch (ConditionFailedException raced) {
            // another failure was appended meanwhile: the next one cuts back
        }
    }

    @Override
    public List<Instant> failuresSince(String subject, Instant since) {
        Optional<Item> item = table.get(ExpiringRecords.throttleKey(subject));
        return item.filter(i -> i.has(FAILURES)).map(i -> inWindow(i.strings(FAILURES), since)).orElse(List.of());
    }

    private static List<Instant> inWindow(List<String> failures, Instant since) {
        String windowStart = ItemKeys.instant(since);
        return failures.stream().filter(f -> f.compareTo(windowStart) >= 0).sorted().map(ItemKeys::instant).toList();
    }

    @Override
    public void clear(String subject) {
        table.delete(ExpiringRecords.throttleKey(subject), Condition.always());
    }
}
