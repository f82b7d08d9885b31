package com.medicarewizard.adapter.embedded;

import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.domain.limit.RatePolicy;
import com.medicarewizard.domain.limit.Verdict;
import com.medicarewizard.port.RateLimits;

import java.time.Instant;

/**
 * The rate limits' counters on the embedded table, written without waiting for the disk: a counter
 * is protection, not a record anyone is promised, and waiting for its own force put a second disk
 * round trip on every reservation request's path before the one that matters (the PENDING record).
 * Each write is journalled to the OS before it returns (a killed process keeps it) and forced by the
 * next force; a power cut forgets the last moments' counts. Conditions still hold: the counter
 * itself is read and written under the table's writer lock as before.
 */
public final class UnforcedRateLimits implements RateLimits {
    private final EmbeddedTable table;
    private final RateLimits counters;

    /** @param counters the rate limits kept in {@code table} */
    public UnforcedRateLimits(EmbeddedTable table, RateLimits counters) {
        this.table = table;
        this.counters = counters;
    }

    @Override
    public Verdict take(String subject, RatePolicy policy, Instant now) {
        return table.withoutAwaitingForces(() -> counters.take(subject, policy, now));
    }

    @Override
    public void giveBack(String subject, RatePolicy policy, Instant now) {
        table.withoutAwaitingForces(() -> {
            counters.giveBack(subject, policy, now);
            return null;
        });
    }

    @Override
    public void reset(String subject) {
        table.withoutAwaitingForces(() -> {
            counters.reset(subject);
            return null;
        });
    }
}
