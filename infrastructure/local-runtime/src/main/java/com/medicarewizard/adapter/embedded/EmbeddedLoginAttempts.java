package com.medicarewizard.adapter.embedded;

import static com.medicarewizard.adapter.layout.ItemLayout.EXPIRES_AT;
import static com.medicarewizard.adapter.layout.ItemLayout.FAILURES;
import static com.medicarewizard.adapter.layout.ItemLayout.THROTTLE;
import static com.medicarewizard.adapter.layout.ItemLayout.TYPE;

import com.medicarewizard.adapter.embedded.table.Condition;
import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.adapter.embedded.table.Item;
import com.medicarewizard.adapter.embedded.table.Key;
import com.medicarewizard.adapter.layout.ItemKeys;
import com.medicarewizard.port.LoginAttempts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link LoginAttempts} on the embedded table: one {@code THROTTLE#<subject>} item per subject
 * listing its recent failures. Each failure is appended in one atomic update (no lost counts when
 * failures race), dropping those before the caller's window and keeping at most
 * {@value #MAX_KEPT} so that an attacked subject's item stays small.
 */
public final class EmbeddedLoginAttempts implements LoginAttempts {

    /** Far more than any throttle threshold needs to see. */
    static final int MAX_KEPT = 100;
    /** Lets TTL remove subjects that stopped failing; longer than any throttle window. */
    private static final Duration FORGET_AFTER = Duration.ofDays(1);

    private final EmbeddedTable table;

    public EmbeddedLoginAttempts(EmbeddedTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public List<Instant> recordFailure(String subject, Instant at, Instant since) {
        String failure = ItemKeys.instant(at);
        String windowStart = ItemKeys.instant(since);
        table.update(key(subject), current -> {
            List<String> kept = new ArrayList<>(stored(Optional.of(current)).stream()
                    .filter(f -> f.compareTo(windowStart) >= 0).toList());
            kept.add(failure);
            kept.sort(null);
            List<String> recent = kept.subList(Math.max(0, kept.size() - MAX_KEPT), kept.size());
            return Item.builder(current.key())
                    .put(TYPE, THROTTLE)
                    .put(FAILURES, List.copyOf(recent))
                    .put(EXPIRES_AT, at.plus(FORGET_AFTER).getEpochSecond())
                    .build();
        }, Condition.always());
        return failuresSince(subject, since);
    }

    @Override
    public List<Instant> failuresSince(String subject, Instant since) {
        String windowStart = ItemKeys.instant(since);
        return stored(table.get(key(subject))).stream()
                .filter(f -> f.compareTo(windowStart) >= 0)
                .map(ItemKeys::instant)
                .toList();
    }

    @Override
    public void clear(String subject) {
        table.delete(key(subject), Condition.always());
    }

    private static List<String> stored(Optional<Item> item) {
        return item.filter(i -> i.has(FAILURES)).map(i -> i.strings(FAILURES)).orElse(List.of());
    }

    private static Key key(String subject) {
        return new Key(ItemKeys.throttle(subject), THROTTLE);
    }
}
