package com.medicarewizard.adapter.table;

import static com.medicarewizard.table.layout.ItemLayout.NEXT;
import static com.medicarewizard.table.layout.ItemLayout.SINCE;
import static com.medicarewizard.table.layout.ItemLayout.USED;

import com.medicarewizard.domain.limit.Allowance;
import com.medicarewizard.domain.limit.RatePolicy;
import com.medicarewizard.domain.limit.Verdict;
import com.medicarewizard.port.RateLimits;
import com.medicarewizard.table.Condition;
import com.medicarewizard.table.ConditionFailedException;
import com.medicarewizard.table.Item;
import com.medicarewizard.table.ItemTable;
import com.medicarewizard.table.layout.ExpiringRecords;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link RateLimits} on the item table: one {@code LIMIT#<subject>} item per subject holding its
 * allowance. A take reads the item, lets the policy decide, and writes the new allowance on the
 * condition that the item is still as read (absent, or the same uses, start and next time) — an
 * optimistic compare-and-set, so racing takes across processes are counted one by one, on the
 * embedded table and on DynamoDB alike. A take loses a race only to another write (a grant, a
 * give-back or a reset), so it retries; past {@value #MAX_RACES} lost races it refuses for a second
 * rather than grant beyond the policy. The item expires (TTL) when the policy would forget it.
 */
public final class TableRateLimits implements RateLimits {

    /** More than the grants any policy makes at one instant: a take is refused for contention only under a flood. */
    static final int MAX_RACES = 32;
    private static final Verdict.Refused CONTENDED = new Verdict.Refused(Duration.ofSeconds(1));

    private final ItemTable table;

    public TableRateLimits(ItemTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public Verdict take(String subject, RatePolicy policy, Instant now) {
        for (int race = 0; race < MAX_RACES; race++) {
            Optional<Item> stored = table.get(ExpiringRecords.limitKey(subject));
            Verdict verdict = policy.take(stored.map(ExpiringRecords::allowance), now);
            if (!(verdict instanceof Verdict.Granted(Allowance next))) {
                return verdict;
            }
            if (written(subject, stored, next, policy)) {
                return verdict;
            }
        }
        return CONTENDED;
    }

    @Override
    public void giveBack(String subject, RatePolicy policy, Instant now) {
        change(subject, stored -> stored.map(item -> policy.giveBack(ExpiringRecords.allowance(item), now)), policy);
    }

    @Override
    public void reset(String subject) {
        table.delete(ExpiringRecords.limitKey(subject), Condition.always());
    }

    /** Applies {@code next} until it is written on an unchanged item, or there is nothing to change. */
    private void change(String subject, Function<Optional<Item>, Optional<Allowance>> next, RatePolicy policy) {
        for (int race = 0; race < MAX_RACES; race++) {
            Optional<Item> stored = table.get(ExpiringRecords.limitKey(subject));
            Optional<Allowance> changed = next.apply(stored);
            if (changed.isEmpty() || written(subject, stored, changed.get(), policy)) {
                return;
            }
        }
    }

    private boolean written(String subject, Optional<Item> read, Allowance next, RatePolicy policy) {
        try {
            table.put(ExpiringRecords.allowance(subject, next, policy.forgetAt(next)), unchanged(read));
            return true;
        } catch (ConditionFailedException raced) {
            return false;
        }
    }

    private static Condition unchanged(Optional<Item> read) {
        if (read.isEmpty()) {
            return Condition.absent();
        }
        Item item = read.get();
        return Condition.and(Condition.equals(USED, item.longValue(USED)), Condition.equals(SINCE, item.string(SINCE)),
                Condition.equals(NEXT, item.string(NEXT)));
    }
}
