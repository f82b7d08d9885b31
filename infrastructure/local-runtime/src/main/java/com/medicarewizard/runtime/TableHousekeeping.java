package com.medicarewizard.runtime;

import com.medicarewizard.adapter.embedded.EmbeddedTables;
import com.medicarewizard.adapter.embedded.table.EmbeddedTable;
import com.medicarewizard.domain.center.Resource;
import com.medicarewizard.port.CenterCatalog;
import com.medicarewizard.table.Condition;
import com.medicarewizard.table.Key;
import com.medicarewizard.table.SortRange;
import com.medicarewizard.table.layout.ItemKeys;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * What DynamoDB does for its table on its own, done for the embedded one: items whose time to live
 * has passed are deleted (tokens, log-in throttle records, idempotency keys, message failures),
 * and the journal is compacted so that it does not grow forever. Besides, the slot claims of cells
 * that started over {@link #CLAIMS_KEPT} ago are dropped, not archived: the reservation item keeps
 * its exam, site, times and resources, so a past claim is a second copy of a fact, and nothing
 * reads it again (availability and the allocator look forward only; a started reservation cannot
 * be cancelled). A week keeps them well past the audit's two-day look back.
 */
final class TableHousekeeping {

    static final Duration CLAIMS_KEPT = Duration.ofDays(7);
    private static final Logger LOG = LogManager.getLogger(TableHousekeeping.class);

    private final EmbeddedTable table;
    private final CenterCatalog catalog;
    private final Clock clock;

    TableHousekeeping(EmbeddedTable table, CenterCatalog catalog, Clock clock) {
        this.table = table;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Deletes expired items, as DynamoDB's TTL would; returns how many. */
    int deleteExpired() {
        int deleted = table.deleteExpired(EmbeddedTables.TIME_TO_LIVE_ATTRIBUTE);
        if (deleted > 0) {
            LOG.info("Deleted {} expired items", deleted);
        }
        return deleted;
    }

    /** Drops the claims of cells that started before a week ago; returns how many. */
    int dropPastClaims() {
        String before = ItemKeys.instant(clock.instant().minus(CLAIMS_KEPT));
        int dropped = 0;
        for (Resource resource : catalog.current().resources()) {
            String partition = ItemKeys.claim(resource.id());
            List<String> past = table.querySortKeys(partition, SortRange.between("", before));
            for (String cell : past) {
                if (!cell.equals(before) && table.delete(new Key(partition, cell), Condition.always()).isPresent()) {
                    dropped++;
                }
            }
        }
        if (dropped > 0) {
            LOG.info("Dropped {} claims of cells older than {}", dropped, CLAIMS_KEPT);
        }
        return dropped;
    }

    void compact() {
        try {
            table.compact();
        } catch (IOException | RuntimeException e) {
            LOG.warn("table compaction failed; the journal keeps everything meanwhile: {}", e.toString());
        }
    }

    /** Runs each part, logging rather than throwing, so that one failure does not stop the timer. */
    void run(Runnable part) {
        try {
            part.run();
        } catch (RuntimeException e) {
            LOG.warn("table housekeeping failed; the next run tries again: {}", e.toString());
        }
    }
}
